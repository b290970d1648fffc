package dev.drpconsole.core.setup;

import java.util.regex.Pattern;

/**
 * Words for the commands the console shows to paste into bash: each one arrives as one argument, whatever spaces,
 * quotes or {@code $} it holds, and a file goes in with a here-document that nothing inside can end early.
 */
public final class ShellWords {
    /** Characters bash takes literally outside quotes. */
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_./:=@%+,-]+");

    private ShellWords() {
    }

    /** {@code word} as one bash word: as it is when that is safe, else in single quotes. */
    public static String quote(String word) {
        if (PLAIN.matcher(word).matches()) {
            return word;
        }
        return "'" + word.replace("'", "'\\''") + "'";
    }

    /**
     * A command that writes {@code text} to {@code file} exactly: {@code cat > file <<'EOF'} … {@code EOF}, with a
     * delimiter that is no line of the text. The text's last line break is added when missing.
     */
    public static String writeFile(String file, String text) {
        String body = text.endsWith("\n") ? text : text + "\n";
        String delimiter = "EOF";
        while (body.lines().anyMatch(delimiter::equals)) {
            delimiter = delimiter + "_";
        }
        return "cat > " + quote(file) + " <<'" + delimiter + "'\n" + body + delimiter;
    }
}
