package org.cotejo.forensics.ios.backup.crypto;

import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * The unwrapped class keys of an unlocked keybag: the keys that unwrap Manifest.db's key and each
 * file's key. Closing zeroes them.
 */
public final class ClassKeys implements AutoCloseable {
    private final Map<Integer, byte[]> keys = new TreeMap<>();

    ClassKeys() {}

    void put(int protectionClass, byte[] key) {
        byte[] old = keys.put(protectionClass, key);
        if (old != null) Arrays.fill(old, (byte) 0);
    }

    public boolean has(int protectionClass) {
        return keys.containsKey(protectionClass);
    }

    /** The protection classes unlocked, ascending. */
    public java.util.Set<Integer> classes() {
        return java.util.Collections.unmodifiableSet(keys.keySet());
    }

    /**
     * The key inside {@code key}, unwrapped with the key of {@code protectionClass}; the caller zeroes it
     * after use.
     *
     * @throws GeneralSecurityException when the class is not unlocked or the integrity check fails
     */
    public synchronized byte[] unwrap(int protectionClass, WrappedKey key) throws GeneralSecurityException {
        byte[] classKey = keys.get(protectionClass);
        if (classKey == null) throw new GeneralSecurityException("no key for protection class " + protectionClass + " in the keybag");
        return AesKeyWrap.unwrap(classKey, key.wrapped());
    }

    @Override
    public synchronized void close() {
        keys.values().forEach(k -> Arrays.fill(k, (byte) 0));
        keys.clear();
    }
}
