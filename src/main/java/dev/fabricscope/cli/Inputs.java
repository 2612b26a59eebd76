package dev.fabricscope.cli;

import dev.fabricscope.capture.CaptureFiles;
import dev.fabricscope.capture.CaptureInterface;
import dev.fabricscope.capture.CaptureFormatException;
import dev.fabricscope.capture.LinkType;
import dev.fabricscope.capture.PacketSource;
import dev.fabricscope.capture.ProblemReporter;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.util.List;

/** Opens a -r input for any command, turning failures into the same one-line user errors (exit 1). */
final class Inputs {
    private Inputs() { }

    static PacketSource open(String pathOrDash, ProblemReporter problems) {
        try {
            return CaptureFiles.open(pathOrDash, problems);
        } catch (NoSuchFileException e) {
            throw UserError.runtime(pathOrDash + ": no such file");
        } catch (AccessDeniedException e) {
            throw UserError.runtime(pathOrDash + ": permission denied");
        } catch (CaptureFormatException e) {
            throw UserError.runtime(e.getMessage());
        } catch (IOException e) {
            throw UserError.runtime(pathOrDash + ": " + (e.getMessage() == null ? "cannot read" : e.getMessage()));
        }
    }

    /**
     * The link type a filter is compiled for before the first packet: the first interface's, Ethernet when the
     * input has declared none yet (a pcapng whose first IDB is still to come).
     */
    static int firstLinkType(PacketSource source) {
        List<CaptureInterface> known = source.interfaces();
        return known.isEmpty() ? LinkType.EN10MB : known.getFirst().linkType();
    }
}
