package dev.drpconsole.ui.theme;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;

/** The console's two looks: AtlantaFX Primer light and dark, plus our own stylesheet on top. */
public enum Theme {
    LIGHT(new PrimerLight()),
    DARK(new PrimerDark());

    /** Our stylesheet: only AtlantaFX colour tokens, so one file serves both looks. */
    public static final String CONSOLE_CSS = Theme.class.getResource("console.css").toExternalForm();

    private final atlantafx.base.theme.Theme atlantaTheme;

    Theme(atlantafx.base.theme.Theme atlantaTheme) {
        this.atlantaTheme = atlantaTheme;
    }

    /** The pre-compiled (binary) form of the theme: parsed faster than its CSS at every start. */
    public String binaryStylesheet() {
        return atlantaTheme.getUserAgentStylesheetBSS();
    }

    public void apply() {
        Application.setUserAgentStylesheet(binaryStylesheet());
    }

    public Theme other() {
        return this == LIGHT ? DARK : LIGHT;
    }

    /** Reads a stored name; anything unknown falls back to light. */
    public static Theme parse(String name) {
        return "DARK".equalsIgnoreCase(name) ? DARK : LIGHT;
    }
}
