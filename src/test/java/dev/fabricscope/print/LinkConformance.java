package dev.fabricscope.print;

import java.util.List;

/**
 * {@link TcpdumpConformance} for a link-type printer, with the settings most link tests share: frames cut after every
 * byte from the second on and mutated from the first (the link header is what is under test), -e among the flag
 * sets, and 2000 repeats a round for the allocation count (link frames are short).
 */
abstract class LinkConformance extends TcpdumpConformance {
    @Override
    abstract int linkType();

    @Override
    int start(byte[] frame) {
        return 1;
    }

    @Override
    int mutantStart(byte[] frame) {
        return 0;
    }

    @Override
    List<String> wholeFlags() {
        return List.of("", "-e", "-v", "-e -v", "-q", "-e -q", "-x", "-e -x", "-e -XX", "-X", "-A");
    }

    @Override
    List<String> cutFlags() {
        return List.of("-x", "-e -x", "-v", "-q");
    }

    @Override
    List<String> mutantFlags() {
        return List.of("-e -x", "-v");
    }

    @Override
    List<String> allocationFlags() {
        return List.of("-v", "-e -v", "-e -x", "-q -e");
    }

    @Override
    int allocationRepeats() {
        return 2000;
    }
}
