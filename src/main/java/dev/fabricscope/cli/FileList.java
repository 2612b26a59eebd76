package dev.fabricscope.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** capture -V's list of capture files, read as tcpdump reads it: one name per line, nothing trimmed but the newline. */
final class FileList {
    private FileList() { }

    /** The names in {@code pathOrDash} (- = standard input); none at all is a runtime error, as in tcpdump. */
    static List<String> read(String pathOrDash) {
        byte[] bytes;
        try {
            if (pathOrDash.equals("-")) {
                InputStream in = System.in;
                bytes = in.readAllBytes();
            } else {
                bytes = Files.readAllBytes(Path.of(pathOrDash));
            }
        } catch (NoSuchFileException e) {
            throw UserError.runtime(pathOrDash + ": no such file");
        } catch (AccessDeniedException e) {
            throw UserError.runtime(pathOrDash + ": permission denied");
        } catch (IOException e) {
            throw UserError.runtime(pathOrDash + ": " + (e.getMessage() == null ? "cannot read" : e.getMessage()));
        }
        List<String> names = parse(new String(bytes, Charset.defaultCharset()));
        if (names.isEmpty()) throw UserError.runtime("Nothing in " + pathOrDash);   // tcpdump's words
        return names;
    }

    /**
     * The lines of {@code text}: a last line without a newline counts, an empty line is a name (which then fails to
     * open, as in tcpdump), and a carriage return stays part of the name.
     */
    static List<String> parse(String text) {
        List<String> names = new ArrayList<>();
        int start = 0;
        while (start < text.length()) {
            int nl = text.indexOf('\n', start);
            int end = nl < 0 ? text.length() : nl;
            names.add(text.substring(start, end));
            start = end + 1;
        }
        return names;
    }
}
