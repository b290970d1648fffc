package dev.drpconsole.ui.common;

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
 * new rows appended. Replacing the whole list instead would reset the table's selection and scroll position on
 * every live update.
 */
public final class KeyedRows {
    private KeyedRows() {
    }

    public static <R> void sync(ObservableList<R> rows, List<R> wanted, Function<R, String> key) {
        Map<String, R> byKey = new HashMap<>();
        wanted.forEach(row -> byKey.put(key.apply(row), row));
        rows.removeIf(row -> !byKey.containsKey(key.apply(row)));
        Set<String> present = new HashSet<>();
        for (int i = 0; i < rows.size(); i++) {
            String rowKey = key.apply(rows.get(i));
            present.add(rowKey);
            R now = byKey.get(rowKey);
            if (!Objects.equals(now, rows.get(i))) {
                rows.set(i, now);
            }
        }
        wanted.stream().filter(row -> !present.contains(key.apply(row))).forEach(rows::add);
    }
}
