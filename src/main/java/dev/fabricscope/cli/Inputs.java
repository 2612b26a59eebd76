package dev.fabricscope.cli;

import dev.fabricscope.capture.CaptureFiles;
import dev.fabricscope.capture.CaptureFormatException;
import dev.fabricscope.capture.PacketSource;
import dev.fabricscope.capture.ProblemReporter;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;

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
}
