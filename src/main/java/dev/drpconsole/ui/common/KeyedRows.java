package dev.drpconsole.ui.common;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import javafx.collections.ObservableList;

/**
 * Brings a list of table rows up to date in place: changed rows are replaced where they are (or updated, for rows
 * that live as long as their object), gone rows removed, new rows appended. Replacing the whole list on every live
 * update would reset the table's selection and scroll position; but every single change also costs the sorted and
 * filtered lists above it a pass, so large updates (the first load, a resync) go as one replacement. Every live list
 * of the console merges through here: the DRP objects of a {@link LiveList}, the rows of each section.
 */
public final class KeyedRows {
    /** Above this many single changes, one replacement of the whole list is cheaper for the table. */
    private static final int MAX_SINGLE_CHANGES = 32;

    private KeyedRows() {
    }

    /** Rows that are values: a row that differs from the wanted one ({@code equals}) is replaced by it. */
    public static <R> void sync(ObservableList<R> rows, List<R> wanted, Function<R, String> key) {
        sync(rows, wanted, key, key, Function.identity(),
                (row, now) -> Objects.equals(row, now) ? row : now);
    }

    /**
     * Rows made from source items (a container, a job), merged by key.
     *
     * @param itemKey an item's identity
     * @param rowKey  a row's identity, the same as its item's
     * @param create  the row for a new item
     * @param merge   the row to show for an existing row and its item now: the same row (unchanged, or updated in
     *                place through its properties) or a new one that replaces it
     */
    public static <R, S> void sync(ObservableList<R> rows, List<S> wanted, Function<S, String> itemKey,
            Function<R, String> rowKey, Function<S, R> create, BiFunction<R, S, R> merge) {
        Map<String, S> byKey = new HashMap<>();
        wanted.forEach(item -> byKey.put(itemKey.apply(item), item));
        List<R> merged = new ArrayList<>(wanted.size());
        List<Integer> changedAt = new ArrayList<>();
        Set<String> present = new HashSet<>();
        int removed = 0;
        for (R row : rows) {
            String key = rowKey.apply(row);
            S now = byKey.get(key);
            if (now == null || !present.add(key)) {
                removed++;
                continue;
            }
            R kept = merge.apply(row, now);
            if (kept != row) {
                changedAt.add(merged.size());
            }
            merged.add(kept);
        }
        List<R> added = new ArrayList<>();
        for (S item : wanted) {
            if (present.add(itemKey.apply(item))) {
                added.add(create.apply(item));
            }
        }
        if (removed + changedAt.size() + added.size() > MAX_SINGLE_CHANGES) {
            merged.addAll(added);
            rows.setAll(merged);
            return;
        }
        if (removed > 0) {
            Set<String> kept = new HashSet<>();
            rows.removeIf(row -> !byKey.containsKey(rowKey.apply(row)) || !kept.add(rowKey.apply(row)));
        }
        changedAt.forEach(index -> rows.set(index, merged.get(index)));
        rows.addAll(added);
    }
}
