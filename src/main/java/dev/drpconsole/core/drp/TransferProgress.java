package dev.drpconsole.core.drp;

/** Reports bytes moved by an upload or download, from the transfer's thread. */
@FunctionalInterface
public interface TransferProgress {
    TransferProgress NONE = (done, total) -> { };

    /** @param total −1 when unknown */
    void moved(long done, long total);
}
