package dev.drpconsole.sandbox.api;

import dev.drpconsole.sandbox.ApiException;
import io.javalin.http.UploadedFile;
import java.io.InputStream;

/**
 * The content of a blob upload: the raw body sent as {@code application/octet-stream}, or the {@code file} field
 * of a {@code multipart/form-data} body. Any other type is a 415.
 */
final class UploadBody {

    private UploadBody() {
    }

    static InputStream of(ApiExchange exchange, String model, String key) {
        String type = exchange.contentType();
        if (type.startsWith(ApiExchange.OCTET_STREAM)) {
            return exchange.bodyStream();
        }
        if (type.startsWith("multipart/form-data")) {
            UploadedFile file = exchange.context().uploadedFile("file");
            if (file == null) {
                throw ApiException.badRequest("POST", model, key, "multipart upload without a 'file' field");
            }
            return file.content();
        }
        throw new ApiException(415, "POST", model, key, "Invalid content type " + type
                + ": upload as application/octet-stream or multipart/form-data");
    }
}
