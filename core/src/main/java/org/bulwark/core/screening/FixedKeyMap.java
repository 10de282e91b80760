package org.bulwark.core.screening;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * An unmodifiable map whose ordered keys are shared by many maps and whose values are one array: the evidence of
 * hundreds of thousands of hits of one rule shares the rule's feature names instead of building a hash map each.
 */
final class FixedKeyMap<V> extends AbstractMap<String, V> {

    private final String[] keys;
    private final Object[] values;

    FixedKeyMap(String[] keys, Object[] values) {
        this.keys = keys;
        this.values = values;
    }

    @Override
    public int size() {
        return keys.length;
    }

    @Override
    public boolean containsKey(Object key) {
        return indexOf(key) >= 0;
    }

    @Override
    @SuppressWarnings("unchecked")
    public V get(Object key) {
        int index = indexOf(key);
        return index < 0 ? null : (V) values[index];
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
                    @SuppressWarnings("unchecked")
                    public Entry<String, V> next() {
                        if (next >= keys.length) {
                            throw new NoSuchElementException();
                        }
                        int index = next++;
                        return new SimpleImmutableEntry<>(keys[index], (V) values[index]);
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
