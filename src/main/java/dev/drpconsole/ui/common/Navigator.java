package dev.drpconsole.ui.common;

/** Lets one view send the user to an object in another section ("show this machine's container"). */
@FunctionalInterface
public interface Navigator {
    String CONTEXTS = "contexts";
    String RUNNERS = "runners";
    String CONTAINERS = "containers";
    String JOBS = "jobs";

    /**
     * @param sectionId one of the constants here
     * @param key       what to select there, see {@link SectionPage#reveal(String)}
     */
    void show(String sectionId, String key);
}
