package dev.drpconsole.ui.theme;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;

/** The console's two looks: AtlantaFX Primer light and dark, plus our own stylesheet on top. */
public enum Theme {
    LIGHT(new PrimerLight().getUserAgentStylesheet()),
    DARK(new PrimerDark().getUserAgentStylesheet());

    /** Our stylesheet: only AtlantaFX colour tokens, so one file serves both looks. */
    public static final String CONSOLE_CSS = Theme.class.getResource("console.css").toExternalForm();

    private final String userAgentStylesheet;

    Theme(String userAgentStylesheet) {
        this.userAgentStylesheet = userAgentStylesheet;
    }

    public void apply() {
        Application.setUserAgentStylesheet(userAgentStylesheet);
    }

    public Theme other() {
        return this == LIGHT ? DARK : LIGHT;
    }

    /** Reads a stored name; anything unknown falls back to light. */
    public static Theme parse(String name) {
        return "DARK".equalsIgnoreCase(name) ? DARK : LIGHT;
    }
}
