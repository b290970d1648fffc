package dev.drpconsole.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.drpconsole.core.drp.DrpApiException;
import dev.drpconsole.core.drp.DrpUnreachableException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The sentences users read when something fails. */
class PlainWordsTest {

    @Test
    void anUnreachableEndpointsReasonAndFixReadAsTwoSentencesWithOneFullStopEach() {
        DrpUnreachableException unreachable = new DrpUnreachableException(
                "Nothing answers at https://drp.lab:8092 (connection refused).",
                "Is dr-provision running at https://drp.lab:8092? Check the address and port (DRP uses 8092).", null);

        String said = PlainWords.of("Could not list machines", unreachable);

        assertEquals("Could not list machines: Nothing answers at https://drp.lab:8092 (connection refused). "
                + "Is dr-provision running at https://drp.lab:8092? Check the address and port (DRP uses 8092).", said);
        assertFalse(said.contains(".."), said);
    }

    @Test
    void sentencesGetAFullStopOnlyWhereTheyLackOne() {
        assertEquals("Enter the password. Then connect.", PlainWords.sentences("Enter the password", "Then connect."));
        assertEquals("Is it running? Check it.", PlainWords.sentences("Is it running?", "Check it"));
        assertEquals("Waiting…", PlainWords.sentences("Waiting…", "", " "));
    }

    @Test
    void drpsOwnMessagesAreJoinedAsTheyCame() {
        DrpApiException refused = new DrpApiException(422, "machines", "m1", "ValidationError",
                List.of("Name must be unique", "Name is too short"));
        assertEquals("Could not save m1: Name must be unique; Name is too short",
                PlainWords.of("Could not save m1", refused));
    }
}
