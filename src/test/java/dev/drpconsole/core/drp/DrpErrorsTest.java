package dev.drpconsole.core.drp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import okhttp3.MediaType;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.junit.jupiter.api.Test;

/** How a reply that is not DRP's is worded: what a user reads after pointing the console at the wrong server. */
class DrpErrorsTest {
    private static final String URL = "https://web.lab:8092";
    /** nginx's own 404 page: its title and its heading say the same. */
    private static final String NGINX_404 = "<html>\r\n<head><title>404 Not Found</title></head>\r\n<body>\r\n"
            + "<center><h1>404 Not Found</h1></center>\r\n<hr><center>nginx/1.22.1</center>\r\n</body>\r\n</html>\r\n";

    private final DrpErrors errors = new DrpErrors(URL);

    @Test
    void aWebServersErrorPageIsQuotedOnceAndTheMessageSaysItIsNotDrp() {
        String message = errors.fromReply(reply(404, "Not Found", "text/html", NGINX_404)).getMessage();

        assertTrue(message.startsWith(URL + " does not answer like a DRP endpoint"), message);
        assertEquals(1, occurrences(message, "404 Not Found"), "the page's text is not pasted twice: " + message);
        assertTrue(message.contains("nginx/1.22.1"), "what the page says beyond the status: " + message);
        assertTrue(message.endsWith("Check the address and port (DRP uses 8092)."), message);
        assertFalse(message.contains(".."), message);
    }

    @Test
    void aPlainTextReplyIsQuotedAsItIs() {
        String message = errors.fromReply(reply(404, "Not Found", "text/plain", "404 page not found\n")).getMessage();
        assertTrue(message.contains("\"404 page not found\""), message);
        assertEquals(1, occurrences(message, "404 page not found"), message);
    }

    @Test
    void anEmptyReplyIsSaidToHaveNoDetails() {
        String message = errors.fromReply(reply(502, "Bad Gateway", "text/plain", "")).getMessage();
        assertTrue(message.contains("HTTP 502 Bad Gateway"), message);
        assertFalse(message.contains(".."), message);
    }

    @Test
    void drpsOwnErrorBodyKeepsItsMessages() {
        DrpApiException error = errors.fromReply(reply(409, "Conflict", "application/json",
                "{\"Model\":\"contexts\",\"Key\":\"runner\",\"Type\":\"CREATE\",\"Messages\":[\"already exists\"],"
                        + "\"Code\":409}"));
        assertEquals("contexts/runner: already exists", error.getMessage());
    }

    @Test
    void aWebPageWhereTheSignInTokenShouldBeIsNotADroppedConnection() {
        DrpApiException error = errors.notDrp("GET /api/v3/users/rocketskates/token", 200, "OK", NGINX_404
                .replace("404 Not Found", "Welcome to nginx!"));
        assertTrue(error.getMessage().startsWith(URL + " does not answer like a DRP endpoint"), error.getMessage());
        assertEquals(1, occurrences(error.getMessage(), "Welcome to nginx!"), error.getMessage());
    }

    private static Response reply(int code, String status, String type, String body) {
        Request request = new Request.Builder().url(URL + "/api/v3/users/rocketskates/token").build();
        return new Response.Builder().request(request).protocol(Protocol.HTTP_1_1).code(code).message(status)
                .body(ResponseBody.create(body, MediaType.get(type))).build();
    }

    private static int occurrences(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            count++;
        }
        return count;
    }
}
