package dev.fabricscope.print;

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

    /** These mutants, in the flag sets most link tests share, 2000 times a round for the allocation count. */
    static Checks linkChecks(Mutants mutants) {
        return Checks.of(mutants)
            .whole("", "-e", "-v", "-e -v", "-q", "-e -q", "-x", "-e -x", "-e -XX", "-X", "-A")
            .cut("-x", "-e -x", "-v", "-q")
            .mutated("-e -x", "-v")
            .allocation("-v", "-e -v", "-e -x", "-q -e")
            .repeats(2000);
    }
}
