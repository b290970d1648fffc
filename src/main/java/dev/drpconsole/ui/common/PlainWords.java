package dev.drpconsole.ui.common;

import dev.drpconsole.core.drp.DrpApiException;
import dev.drpconsole.core.drp.DrpException;
import dev.drpconsole.core.drp.DrpLockedException;
import dev.drpconsole.core.drp.DrpNotAllowedException;
import dev.drpconsole.core.drp.DrpUnreachableException;
import dev.drpconsole.core.engine.EngineException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Turns a failure into a sentence for the user. Unexpected failures (bugs) are logged here, once. */
public final class PlainWords {
    private static final Logger LOG = LoggerFactory.getLogger(PlainWords.class);

    private PlainWords() {
    }

    /** @param action what the user tried, e.g. "Could not delete context runner" */
    public static String of(String action, Throwable failure) {
        return action + ": " + reason(failure);
    }

    /**
     * Joins parts into sentences: each ends with exactly one full stop (or its own "?", "!", ":" or "…"), blank
     * parts are left out. Messages from core already end theirs; gluing them with ". " gave "refused).. Is…".
     */
    public static String sentences(String... parts) {
        StringBuilder text = new StringBuilder();
        for (String part : parts) {
            String trimmed = part == null ? "" : part.strip();
            if (trimmed.isEmpty()) {
                continue;
            }
            if (text.length() > 0) {
                text.append(' ');
            }
            text.append(trimmed);
            if (!trimmed.matches("(?s).*[.!?…:]$")) {
                text.append('.');
            }
        }
        return text.toString();
    }

    private static String reason(Throwable failure) {
        if (failure instanceof DrpNotAllowedException || failure instanceof DrpLockedException) {
            return failure.getMessage(); // "Not allowed: your role lacks …": core words it, for the wizard too
        }
        if (failure instanceof DrpApiException api) {
            return api.messages().isEmpty() ? "the endpoint answered HTTP " + api.code()
                    : String.join("; ", api.messages());
        }
        if (failure instanceof DrpUnreachableException unreachable) {
            return sentences(unreachable.getMessage(), unreachable.fixHint());
        }
        if (failure instanceof DrpException || failure instanceof EngineException) {
            return failure.getMessage();
        }
        LOG.error("Unexpected failure", failure);
        return "an unexpected error happened (" + failure.getClass().getSimpleName()
                + (failure.getMessage() == null ? "" : ": " + failure.getMessage()) + "). Details are in the log.";
    }
}
