package dev.drpconsole.core.engine;

import com.github.dockerjava.api.model.Frame;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps every frame of a short, unfollowed log request. */
final class FrameCollector extends StreamCallback<Frame> {

    private final List<Frame> frames = new CopyOnWriteArrayList<>();

    @Override
    public void onNext(Frame frame) {
        // docker-java reuses its read buffer for full-size frames: keep a copy.
        byte[] payload = frame.getPayload();
        frames.add(new Frame(frame.getStreamType(), Arrays.copyOf(payload, payload.length)));
    }

    List<Frame> frames() {
        return List.copyOf(frames);
    }
}
