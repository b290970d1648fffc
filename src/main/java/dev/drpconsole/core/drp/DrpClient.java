package dev.drpconsole.core.drp;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A signed-in connection to one DRP endpoint (REST under {@code /api/v3} plus its event websocket). Every method
 * blocks on network I/O: call it from an executor, never from the FX thread. Failures are
 * {@link DrpApiException} (the server said no; {@link DrpNotAllowedException} when the user's roles lack the claim,
 * still signed in), {@link DrpAuthException} (the sign-in ended), {@link DrpUnreachableException} or
 * {@link UntrustedCertificateException}.
 */
public interface DrpClient extends AutoCloseable {

    /** The endpoint URL in use (one of the configured ones). */
    String url();

    /** True when certificate checks are off (the UI shows a red badge). */
    boolean insecure();

    Info info();

    <T extends DrpObject> List<T> list(DrpType<T> type, Filter filter);

    /** How many objects match, from the count headers of a HEAD (no bodies move). */
    long count(DrpType<?> type, Filter filter);

    /** @param key the key or {@code Index:value}, e.g. {@code Name:runner-1} */
    <T extends DrpObject> Optional<T> get(DrpType<T> type, String key);

    <T extends DrpObject> T create(T object);

    /**
     * Sends what changed from {@code original} to {@code changed} as a JSON Patch where every replaced value is
     * first tested against the original, so a change someone else made meanwhile gives a 409
     * ({@link DrpApiException#isConflict()}) instead of being overwritten. Fields neither side touched are not
     * sent. Returns the object as the server now has it.
     */
    <T extends DrpObject> T update(T original, T changed);

    /**
     * {@link #update} with DRP's {@code force} flag, for a change DRP refuses otherwise (e.g. "Can not change stages
     * with pending tasks unless forced"). Only for machines the console made and no agent serves yet.
     */
    <T extends DrpObject> T forceUpdate(T original, T changed);

    /** @return the deleted object */
    <T extends DrpObject> T delete(DrpType<T> type, String key);

    /** Reads a job's log from byte {@code offset} to its current end (a Range request). */
    JobLogChunk jobLog(String jobUuid, long offset);

    List<PluginProvider> pluginProviders();

    /** Uploads a plugin provider binary; the endpoint installs it. */
    StoredFile uploadPluginProvider(String name, Path binary, TransferProgress progress);

    List<ContentSummary> contents();

    /** Creates or replaces a content pack ({@code {"meta":…,"sections":…}}), as {@code drpcli contents update}. */
    ContentSummary putContent(ObjectNode content);

    void deleteContent(String name);

    /** Names under {@code dir} on the endpoint's files; directories end in {@code /}. */
    List<String> listFiles(String dir);

    StoredFile uploadFile(String path, Path source, TransferProgress progress);

    void downloadFile(String path, Path target, TransferProgress progress);

    /** The stored file's SHA-256 (lower-case hex), or empty when there is no such file. */
    Optional<String> fileSha256(String path);

    void deleteFile(String path);

    /** The endpoint's event websocket (opened on first use, shared). */
    DrpEvents events();

    /**
     * {@code listener} hears once that the sign-in ended for good (the token was revoked or expired and no new one
     * can be had: {@link DrpAuthException}); from then on every call fails at once without reaching the endpoint.
     * Called on whichever thread found out. A client that never ends its sign-in by itself ignores it.
     */
    default void onSignInEnded(java.util.function.Consumer<DrpAuthException> listener) {
    }

    /** Signs out: stops token renewal and closes the event socket. */
    @Override
    void close();
}
