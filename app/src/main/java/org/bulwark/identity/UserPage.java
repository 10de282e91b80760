package org.bulwark.identity;

import java.util.List;

/** One page of accounts and how many match in all. */
public record UserPage(List<UserAccount> users, long total, int page, int size) {

    public boolean hasNext() {
        return (long) (page + 1) * size < total;
    }

    public int pages() {
        return (int) Math.max(1, (total + size - 1) / size);
    }
}
