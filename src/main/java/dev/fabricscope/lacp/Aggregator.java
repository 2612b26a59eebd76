package dev.fabricscope.lacp;

import java.util.ArrayList;
import java.util.List;

/** One side's aggregator as the captures show it: the ends that share an actor system and key. */
final class Aggregator {
    final long system;
    final int key;
    final List<LinkEnd> members = new ArrayList<>(4);
    boolean splitReported, crossedReported;

    Aggregator(long system, int key) {
        this.system = system;
        this.key = key;
    }
}
