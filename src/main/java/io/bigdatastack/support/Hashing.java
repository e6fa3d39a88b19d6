package io.bigdatastack.support;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The program's one hash: SHA-256 of UTF-8 text, as lower-case hex (content versions, name suffixes, mock IDs). */
public final class Hashing {

    private Hashing() {
    }

    /** The 64 hex digits of the SHA-256 of {@code text}. */
    public static String sha256Hex(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-256 (java.security.MessageDigest)", e);
        }
    }

    /** The first {@code digits} hex digits of {@link #sha256Hex}. */
    public static String sha256Hex(String text, int digits) {
        return sha256Hex(text).substring(0, digits);
    }
}
