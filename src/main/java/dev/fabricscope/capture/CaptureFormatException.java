package dev.fabricscope.capture;

import java.io.IOException;

/** A capture file that cannot be read at all (bad magic, unreadable header); message names file and offset. */
public class CaptureFormatException extends IOException {
    public CaptureFormatException(String message) {
        super(message);
    }
}
