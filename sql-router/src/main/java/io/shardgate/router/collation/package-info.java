/**
 * MariaDB 10.11's string comparison rules, so the proxy can merge rows from many shards exactly as
 * one server would order, group and pick them. Entry points: {@link io.shardgate.router.collation.Collations}
 * and {@link io.shardgate.router.collation.Collation}.
 *
 * <p>Every weight comes from the server: {@code sql-router/tools/collations/generate.sh} reads each
 * code point's {@code WEIGHT_STRING} from a throwaway mariadbd and packs the tables under this package's
 * resources (their README says from which version). It also checks what the code here relies on:
 * the UCA collations have no contractions, utf8mb3 collations weigh the BMP as their utf8mb4 twins and
 * anything else as '?', the {@code *_bin} collations weigh code points.
 *
 * <p>Decisions of our own, where the server gives no answer because it never sends such values:
 * <ul>
 *   <li>Bytes that are not well-formed UTF-8 (stray continuation bytes, overlong forms, surrogates,
 *       truncated sequences) are taken one byte at a time; each weighs more than every character, and
 *       such bytes compare among themselves by value. So they sort after all valid text at the same
 *       position, PAD SPACE treats them as above the space, and they never equal a character.</li>
 *   <li>A code point a utf8mb3, latin1 or ascii column cannot hold weighs as '?', which is what the
 *       server's conversion stores.</li>
 * </ul>
 */
package io.shardgate.router.collation;
