package dev.drpconsole.ui.common;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import javafx.collections.ObservableList;

/**
 * Brings a list of table rows up to date in place: changed rows are replaced where they are, gone rows removed,
 * new rows appended. Replacing the whole list on every live update would reset the table's selection and scroll
 * position; but every single change also costs the filtered and sorted lists above it a pass, so large updates
 * (the first load, a resync) go as one replacement.
 */
public final class KeyedRows {
    /** Above this many single changes, one replacement of the whole list is cheaper for the table. */
    private static final int MAX_SINGLE_CHANGES = 32;

    private KeyedRows() {
    }

    public static <R> void sync(ObservableList<R> rows, List<R> wanted, Function<R, String> key) {
        Map<String, R> byKey = new HashMap<>();
        wanted.forEach(row -> byKey.put(key.apply(row), row));
        List<R> merged = new ArrayList<>(wanted.size());
        List<Integer> changedAt = new ArrayList<>();
        Set<String> present = new HashSet<>();
        int removed = 0;
        for (R row : rows) {
            String rowKey = key.apply(row);
            R now = byKey.get(rowKey);
            if (now == null) {
                removed++;
                continue;
            }
            present.add(rowKey);
            if (!Objects.equals(now, row)) {
                changedAt.add(merged.size());
            }
            merged.add(now);
        }
        List<R> added = wanted.stream().filter(row -> !present.contains(key.apply(row))).toList();
        if (removed + changedAt.size() + added.size() > MAX_SINGLE_CHANGES) {
            merged.addAll(added);
            rows.setAll(merged);
            return;
        }
        if (removed > 0) {
            rows.removeIf(row -> !byKey.containsKey(key.apply(row)));
        }
        changedAt.forEach(index -> rows.set(index, merged.get(index)));
        rows.addAll(added);
    }
}
