package dev.fabricscope.lacp;

import java.util.ArrayList;
import java.util.List;

/** One link: the (at most two) ends seen talking to each other on one capture interface. */
final class LagLink {
    /** State changes kept per link for the timeline; later ones are counted. */
    static final int TIMELINE_CAP = 256;

    final int interfaceId;
    final String interfaceName;
    final LinkEnd[] ends = new LinkEnd[2];
    int endCount;
    long firstSeen;
    int reported;
    final List<TimelineEntry> timeline = new ArrayList<>();
    int timelineDropped;

    LagLink(int interfaceId, String interfaceName, long firstSeen) {
        this.interfaceId = interfaceId;
        this.interfaceName = interfaceName;
        this.firstSeen = firstSeen;
    }

    LinkEnd peerOf(LinkEnd e) {
        if (endCount < 2) return null;
        return ends[0] == e ? ends[1] : ends[0];
    }

    LinkEnd add(long srcMac) {
        LinkEnd e = new LinkEnd(this, srcMac);
        ends[endCount++] = e;
        return e;
    }

    boolean once(FaultKind kind) {
        int bit = 1 << kind.ordinal();
        if ((reported & bit) != 0) return false;
        reported |= bit;
        return true;
    }

    void record(TimelineEntry entry) {
        if (timeline.size() < TIMELINE_CAP) timeline.add(entry);
        else timelineDropped++;
    }
}
