package dev.drpconsole.core.drp;

import java.util.List;

/** 401/403: the credentials were refused or the token expired and could not be renewed. */
public class DrpAuthException extends DrpApiException {

    public DrpAuthException(int code, String type, List<String> messages) {
        super(code, "", "", type, messages);
    }
}
