package dev.drpconsole.core.engine;

import com.github.dockerjava.api.model.Frame;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps every frame of a short, unfollowed log request. */
final class FrameCollector extends StreamCallback<Frame> {

    private final List<Frame> frames = new CopyOnWriteArrayList<>();

    @Override
    public void onNext(Frame frame) {
        frames.add(frame); // a LogRequest frame owns its payload: no copy needed
    }

    List<Frame> frames() {
        return List.copyOf(frames);
    }
}
