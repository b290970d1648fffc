package dev.drpconsole.core.drp;

import java.util.List;

/**
 * 401/403: the credentials were refused or the token expired and could not be renewed: the sign-in ended. A 403
 * naming a claim the roles lack, with a token that works, is {@link DrpNotAllowedException} instead.
 */
public class DrpAuthException extends DrpApiException {

    public DrpAuthException(int code, String type, List<String> messages) {
        super(code, "", "", type, messages);
    }
}
