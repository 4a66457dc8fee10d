#!/usr/bin/env bash
# Regenerates the collation tables under src/main/resources/io/shardgate/router/collation/ from a real
# MariaDB server: it starts a throwaway mariadbd, reads every code point's weights with WEIGHT_STRING,
# checks the assumptions the Java code makes (no contractions, shared tables, PAD SPACE or not), and
# packs the result with PackTables.java. Usage: generate.sh [output-directory]
#
# Needs mariadb-install-db, mariadbd and the mariadb client on the PATH (Debian: mariadb-server,
# mariadb-client) and Java 17 or later (JAVA_HOME or the PATH). Takes a few minutes, much of it the
# contraction check. SG_KEEP_WORK=1 keeps the server's dumps in /tmp for a look.
set -euo pipefail

here=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd)
module=$(cd "$here/../.." && pwd)
out=${1:-$module/src/main/resources/io/shardgate/router/collation}
java=${JAVA_HOME:+$JAVA_HOME/bin/}java

work=$(mktemp -d /tmp/sg-collations.XXXXXX)
pid=
cleanup() {
    if [ -n "$pid" ]; then
        kill "$pid" 2>/dev/null || true
        wait "$pid" 2>/dev/null || true
    fi
    if [ -n "${SG_KEEP_WORK:-}" ]; then
        echo "generate.sh: kept $work" >&2
    else
        rm -rf "$work"
    fi
}
trap cleanup EXIT

say() { echo "generate.sh: $*" >&2; }

mariadb-install-db --no-defaults --datadir="$work/data" --auth-root-authentication-method=normal \
    --skip-test-db >"$work/install.log" 2>&1 || { cat "$work/install.log" >&2; exit 1; }

# A random port that nothing listens on; mariadbd fails fast if it was taken in between.
for attempt in 1 2 3 4 5 6 7 8 9 10; do
    port=$((20000 + RANDOM % 40000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
        break
    fi
done

mariadbd --no-defaults --user=root --datadir="$work/data" --port="$port" --bind-address=127.0.0.1 \
    --socket="$work/mysqld.sock" --skip-name-resolve --pid-file="$work/mysqld.pid" \
    >"$work/server.log" 2>&1 &
pid=$!

sql() {
    mariadb --no-defaults --default-character-set=utf8mb4 -h127.0.0.1 -P "$port" -uroot -N -B "$@"
}

for i in $(seq 1 60); do
    if sql -e 'SELECT 1' >/dev/null 2>&1; then
        break
    fi
    if ! kill -0 "$pid" 2>/dev/null || [ "$i" = 60 ]; then
        cat "$work/server.log" >&2
        say "mariadbd did not come up"
        exit 1
    fi
    sleep 1
done
version=$(sql -e 'SELECT VERSION()')
say "reading weights from MariaDB $version on port $port"

sql -e "CREATE DATABASE gen"
all_code_points="FROM seq_0_to_1114111 WHERE seq NOT BETWEEN 55296 AND 57343"

# One line per code point: code point, then the hex weight string (empty for an ignorable).
for c in utf8mb4_general_ci utf8mb4_general_nopad_ci utf8mb4_bin utf8mb4_nopad_bin \
         utf8mb4_unicode_ci utf8mb4_unicode_520_ci; do
    sql gen -e "SELECT seq, HEX(WEIGHT_STRING(CONVERT(CHAR(seq USING utf32) USING utf8mb4) COLLATE $c))
                $all_code_points" >"$work/$c.tsv"
done
# utf8mb3: what the server stores for a code point it cannot hold is '?', so weigh the converted value.
for c in utf8mb3_general_ci utf8mb3_bin utf8mb3_unicode_ci; do
    sql gen -e "SELECT seq, HEX(WEIGHT_STRING(CONVERT(CHAR(seq USING utf32) USING utf8mb3) COLLATE $c))
                $all_code_points" >"$work/$c.tsv"
done
# Single-byte charsets: how each code point converts to a byte, then each byte's weight.
for cs in latin1 ascii; do
    sql gen -e "SELECT seq, HEX(CONVERT(CHAR(seq USING utf32) USING $cs)) $all_code_points" >"$work/$cs.charset.tsv"
done
for c in latin1_swedish_ci latin1_bin latin1_general_ci; do
    sql gen -e "SELECT seq, HEX(WEIGHT_STRING(CONVERT(UNHEX(LPAD(HEX(seq), 2, '0')) USING latin1) COLLATE $c))
                FROM seq_0_to_255" >"$work/$c.tsv"
done
for c in ascii_general_ci ascii_bin; do
    sql gen -e "SELECT seq, HEX(WEIGHT_STRING(CONVERT(UNHEX(LPAD(HEX(seq), 2, '0')) USING ascii) COLLATE $c))
                FROM seq_0_to_127" >"$work/$c.tsv"
done

# Metadata: id, name, and PAD SPACE measured ('a' = 'a '): 10.11's information_schema.COLLATIONS has
# no PAD_ATTRIBUTE column.
names="binary utf8mb4_general_ci utf8mb4_bin utf8mb4_unicode_ci utf8mb4_unicode_520_ci
       utf8mb4_general_nopad_ci utf8mb4_nopad_bin utf8mb3_general_ci utf8mb3_bin utf8mb3_unicode_ci
       latin1_swedish_ci latin1_bin latin1_general_ci ascii_general_ci ascii_bin"
: >"$work/collations.tsv"
for c in $names; do
    cs=$(sql -e "SELECT CHARACTER_SET_NAME FROM information_schema.COLLATIONS WHERE COLLATION_NAME = '$c'")
    if [ "$cs" = binary ]; then
        pad=$(sql -e "SELECT _binary'a' = _binary'a '")
    else
        pad=$(sql -e "SELECT _$cs'a' COLLATE $c = _$cs'a '")
    fi
    sql -e "SELECT ID, COLLATION_NAME, CHARACTER_SET_NAME, $pad FROM information_schema.COLLATIONS
            WHERE COLLATION_NAME = '$c'" >>"$work/collations.tsv"
done

# Contractions: a UCA collation with contractions weighs some pairs differently from the two characters
# alone. Every BMP character followed by a combining mark, a character of a script whose tailorings or
# DUCET entries use contractions (Indic, Thai, Lao, Tibetan, Khmer, kana voicing marks), an ASCII
# letter, a middle dot, a hyphen, an apostrophe or a space. The tailored utf8mb4_czech_ci must show
# its 'ch' contractions, proving the check can see one.
sql gen -e "CREATE TABLE ch (cp INT PRIMARY KEY, c VARCHAR(1) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin)
            SELECT seq AS cp, CONVERT(CHAR(seq USING utf32) USING utf8mb4) AS c
            FROM seq_0_to_65535 WHERE seq NOT BETWEEN 55296 AND 57343"
sql gen -e "CREATE TABLE second (cp INT PRIMARY KEY, c VARCHAR(1) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin)
            SELECT cp, c FROM ch WHERE cp BETWEEN 0x0300 AND 0x036F OR cp BETWEEN 0x0980 AND 0x0DFF
            OR cp BETWEEN 0x0E00 AND 0x0FFF OR cp BETWEEN 0x1780 AND 0x17FF OR cp BETWEEN 0x3099 AND 0x309A
            OR cp BETWEEN 0x41 AND 0x5A OR cp BETWEEN 0x61 AND 0x7A OR cp IN (0xB7, 0x2D, 0x27, 0x20)"
: >"$work/contractions.tsv"
for c in utf8mb4_unicode_ci utf8mb4_unicode_520_ci utf8mb3_unicode_ci utf8mb4_czech_ci; do
    cs=${c%%_*}
    sql gen -e "SELECT '$c', COUNT(*), SUM(WEIGHT_STRING(CONVERT(CONCAT(a.c, b.c) USING $cs) COLLATE $c)
                    <> CONCAT(WEIGHT_STRING(CONVERT(a.c USING $cs) COLLATE $c),
                              WEIGHT_STRING(CONVERT(b.c USING $cs) COLLATE $c)))
                FROM ch a JOIN second b" >>"$work/contractions.tsv"
done

kill "$pid"
wait "$pid" 2>/dev/null || true
pid=

mkdir -p "$out"
"$java" "$here/PackTables.java" "$work" "$out" "$version"
say "tables written to $out"
