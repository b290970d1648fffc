package dev.drpconsole.core.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class EndpointUrlTest {

    @Test
    void fillsInDrpsPortAndDropsATrailingSlash() {
        assertEquals("https://drp.lab:8092", EndpointUrl.parse(" https://drp.lab/ ").toString());
        assertEquals("http://10.0.0.5:18092", EndpointUrl.parse("HTTP://10.0.0.5:18092").toString());
        assertEquals("[::1]:8092", EndpointUrl.parse("https://[::1]").hostPort());
    }

    @Test
    void saysWhatToChange() {
        assertTrue(message("drp.lab:8092").contains("https://drp.lab:8092"), "suggests the scheme");
        assertTrue(message("ftp://drp.lab").startsWith("Start the address with https://"));
        assertTrue(message("https://").contains("host"));
        assertTrue(message("https://drp.lab:99999").contains("port"));
        assertTrue(message("https://drp.lab:abc").contains("port"));
        assertTrue(message("https://drp.lab:8092/api/v3").contains("path"));
        assertTrue(message("  ").startsWith("Enter the endpoint's address"));
    }

    private static String message(String text) {
        return assertThrows(IllegalArgumentException.class, () -> EndpointUrl.parse(text)).getMessage();
    }
}
