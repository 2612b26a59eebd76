package dev.fabricscope.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** tcpdump's -F: a filter expression read from a file, each '#' comment blanked to the end of its line. */
final class FilterFile {
    /** Far beyond any real filter; keeps a wrong file (a capture, a disk image) from filling the heap. */
    static final int MAX_BYTES = 1 << 20;

    private FilterFile() { }

    /** The expression in {@code name}; a file that cannot be read is a runtime error (exit 1, as tcpdump). */
    static String read(String name) {
        Path path = Path.of(name);
        byte[] bytes;
        try (InputStream in = Files.newInputStream(path)) {
            bytes = in.readNBytes(MAX_BYTES + 1);   // bounded: also for /dev/zero or a FIFO
        } catch (NoSuchFileException e) {
            throw UserError.runtime("can't open " + name + ": No such file or directory");
        } catch (AccessDeniedException e) {
            throw UserError.runtime("can't open " + name + ": Permission denied");
        } catch (IOException e) {
            throw UserError.runtime("can't read " + name + ": " + e.getMessage());
        }
        if (bytes.length > MAX_BYTES) throw UserError.runtime(name + " is too large for a filter file");
        // bytes as they are (pcap_compile reads a C string); comments become spaces, as tcpdump's read_infile does
        char[] text = new String(bytes, StandardCharsets.ISO_8859_1).toCharArray();
        for (int i = 0; i < text.length; i++) {
            if (text[i] == '#') {
                while (i < text.length && text[i] != '\n') text[i++] = ' ';
            }
        }
        return new String(text);
    }
}
