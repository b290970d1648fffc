package dev.drpconsole.core.connection;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drpconsole.core.drp.ContentSummary;
import dev.drpconsole.core.drp.DrpClient;
import dev.drpconsole.core.drp.DrpEvents;
import dev.drpconsole.core.drp.DrpObject;
import dev.drpconsole.core.drp.DrpType;
import dev.drpconsole.core.drp.Filter;
import dev.drpconsole.core.drp.Info;
import dev.drpconsole.core.drp.JobLogChunk;
import dev.drpconsole.core.drp.PluginProvider;
import dev.drpconsole.core.drp.StoredFile;
import dev.drpconsole.core.drp.TransferProgress;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** A signed-in client of {@link FakeEndpoint}: it answers who it is; the connection code asks nothing else. */
final class FakeDrpClient implements DrpClient {
    private final String url;
    private final boolean insecure;
    volatile boolean closed;

    FakeDrpClient(String url, boolean insecure) {
        this.url = url;
        this.insecure = insecure;
    }

    @Override
    public String url() {
        return url;
    }

    @Override
    public boolean insecure() {
        return insecure;
    }

    @Override
    public Info info() {
        return new Info(JsonNodeFactory.instance.objectNode().put("version", "v4.8.0-fake"));
    }

    @Override
    public void close() {
        closed = true;
    }

    @Override
    public <T extends DrpObject> List<T> list(DrpType<T> type, Filter filter) {
        throw new UnsupportedOperationException();
    }

    @Override
    public long count(DrpType<?> type, Filter filter) {
        throw new UnsupportedOperationException();
    }

    @Override
    public <T extends DrpObject> Optional<T> get(DrpType<T> type, String key) {
        throw new UnsupportedOperationException();
    }

    @Override
    public <T extends DrpObject> T create(T object) {
        throw new UnsupportedOperationException();
    }

    @Override
    public <T extends DrpObject> T update(T original, T changed) {
        throw new UnsupportedOperationException();
    }

    @Override
    public <T extends DrpObject> T delete(DrpType<T> type, String key) {
        throw new UnsupportedOperationException();
    }

    @Override
    public JobLogChunk jobLog(String jobUuid, long offset) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<PluginProvider> pluginProviders() {
        throw new UnsupportedOperationException();
    }

    @Override
    public StoredFile uploadPluginProvider(String name, Path binary, TransferProgress progress) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<ContentSummary> contents() {
        throw new UnsupportedOperationException();
    }

    @Override
    public ContentSummary putContent(ObjectNode content) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void deleteContent(String name) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<String> listFiles(String dir) {
        throw new UnsupportedOperationException();
    }

    @Override
    public StoredFile uploadFile(String path, Path source, TransferProgress progress) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void downloadFile(String path, Path target, TransferProgress progress) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Optional<String> fileSha256(String path) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void deleteFile(String path) {
        throw new UnsupportedOperationException();
    }

    @Override
    public DrpEvents events() {
        throw new UnsupportedOperationException();
    }
}
