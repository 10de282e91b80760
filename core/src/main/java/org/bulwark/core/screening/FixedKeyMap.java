package org.bulwark.core.screening;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * An unmodifiable map whose ordered keys are shared by many maps and whose values are read from compact storage on
 * access: the evidence of millions of hits shares each rule's feature names and keeps its values in primitive arrays
 * instead of a hash map of boxed values per hit.
 */
abstract class FixedKeyMap<V> extends AbstractMap<String, V> {

    private final String[] keys;

    FixedKeyMap(String[] keys) {
        this.keys = keys;
    }

    /** The value under the key at {@code index}. */
    abstract V valueAt(int index);

    @Override
    public int size() {
        return keys.length;
    }

    @Override
    public boolean containsKey(Object key) {
        return indexOf(key) >= 0;
    }

    @Override
    public V get(Object key) {
        int index = indexOf(key);
        return index < 0 ? null : valueAt(index);
    }

    private int indexOf(Object key) {
        for (int i = 0; i < keys.length; i++) {
            if (keys[i].equals(key)) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public Set<Entry<String, V>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<String, V>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < keys.length;
                    }

                    @Override
                    public Entry<String, V> next() {
                        if (next >= keys.length) {
                            throw new NoSuchElementException();
                        }
                        int index = next++;
                        return new SimpleImmutableEntry<>(keys[index], valueAt(index));
                    }
                };
            }

            @Override
            public int size() {
                return keys.length;
            }
        };
    }
}
