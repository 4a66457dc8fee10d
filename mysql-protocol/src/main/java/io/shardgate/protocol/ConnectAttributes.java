package io.shardgate.protocol;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The connection attributes that end a HandshakeResponse41 and a COM_CHANGE_USER: int&lt;lenenc&gt;
 * total length, then key and value pairs as string&lt;lenenc&gt;.
 */
final class ConnectAttributes {

    private ConnectAttributes() {}

    static Map<String, String> read(ByteBuf in) {
        long length = Wire.readLenencInt(in);
        Wire.need(in, length, "connect attributes");
        ByteBuf region = in.readSlice((int) length);
        Map<String, String> attributes = new LinkedHashMap<>();
        while (region.isReadable()) {
            String key = Wire.readLenencString(region, StandardCharsets.UTF_8);
            attributes.put(key, Wire.readLenencString(region, StandardCharsets.UTF_8));
        }
        return attributes;
    }

    static void write(ByteBuf out, Map<String, String> attributes) {
        long length = 0;
        for (Map.Entry<String, String> e : attributes.entrySet()) {
            length += lenencStringSize(e.getKey()) + lenencStringSize(e.getValue());
        }
        Wire.writeLenencInt(out, length);
        attributes.forEach((k, v) -> {
            Wire.writeLenencString(out, k);
            Wire.writeLenencString(out, v);
        });
    }

    private static long lenencStringSize(String s) {
        int bytes = ByteBufUtil.utf8Bytes(s);
        return Wire.lenencIntSize(bytes) + bytes;
    }
}
