package dev.fabricscope.libpcap;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;

/**
 * tcpdump's {@code -Z USER}: a capture started as root gives root up for USER once its devices and input are open
 * and before it writes a file, so the code that parses hostile packets does not run as root. As tcpdump without
 * libcap-ng: the C library's initgroups (USER's supplementary groups), setgid (its primary group), then setuid; glibc
 * applies them to every thread of the process, the JVM's included. Not root: nothing to give up, silently, as
 * tcpdump. The C functions are bound only when -Z is used.
 */
public final class Privileges {
    /** struct passwd on LP64 Linux: pw_name, pw_passwd (pointers), then pw_uid and pw_gid (32 bits each). */
    private static final long PW_UID = 16;
    private static final long PW_GID = 20;
    private static final long PASSWD_SIZE = 48;

    /** Why root could not be given up, in tcpdump's words (one line; the capture must not go on). */
    public static final class Failure extends Exception {
        Failure(String message) {
            super(message, null, false, false);
        }
    }

    private Privileges() { }

    /**
     * Gives up root for {@code user}; returns false when not running as root (nothing done).
     * @throws Failure when the user does not exist or the change fails
     */
    public static boolean dropTo(String user) throws Failure {
        Linker linker = Linker.nativeLinker();
        try {
            if ((int) function(linker, "getuid", FunctionDescriptor.of(JAVA_INT)).invokeExact() != 0
                    && (int) function(linker, "geteuid", FunctionDescriptor.of(JAVA_INT)).invokeExact() != 0) {
                return false;
            }
            Linker.Option errno = Linker.Option.captureCallState("errno");
            MethodHandle getpwnam = function(linker, "getpwnam", FunctionDescriptor.of(ADDRESS, ADDRESS));
            MethodHandle initgroups = function(linker, "initgroups", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT),
                errno);
            MethodHandle setgid = function(linker, "setgid", FunctionDescriptor.of(JAVA_INT, JAVA_INT), errno);
            MethodHandle setuid = function(linker, "setuid", FunctionDescriptor.of(JAVA_INT, JAVA_INT), errno);
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment name = arena.allocateFrom(user);
                MemorySegment entry = (MemorySegment) getpwnam.invokeExact(name);
                if (entry.equals(MemorySegment.NULL)) throw new Failure("Couldn't find user '" + first32(user) + "'");
                entry = entry.reinterpret(PASSWD_SIZE);
                int uid = entry.get(JAVA_INT, PW_UID);
                int gid = entry.get(JAVA_INT, PW_GID);
                MemorySegment state = arena.allocate(Linker.Option.captureStateLayout());
                if ((int) initgroups.invokeExact(state, name, gid) != 0 || (int) setgid.invokeExact(state, gid) != 0
                        || (int) setuid.invokeExact(state, uid) != 0) {
                    throw new Failure("Couldn't change to '" + first32(user) + "' uid=" + Integer.toUnsignedString(uid)
                        + " gid=" + Integer.toUnsignedString(gid) + ": " + strerror(linker, errno(state)));
                }
            }
            return true;
        } catch (Failure | RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException("dropping privileges failed", t);
        }
    }

    private static MethodHandle function(Linker linker, String name, FunctionDescriptor descriptor,
                                         Linker.Option... options) {
        MemorySegment address = linker.defaultLookup().find(name)
            .orElseThrow(() -> new Libpcap.UnavailableException("the C library has no " + name));
        return linker.downcallHandle(address, descriptor, options);
    }

    private static int errno(MemorySegment state) {
        VarHandle errno = Linker.Option.captureStateLayout()
            .varHandle(MemoryLayout.PathElement.groupElement("errno"));
        return (int) errno.get(state, 0L);
    }

    private static String strerror(Linker linker, int errno) throws Throwable {
        MemorySegment text = (MemorySegment) function(linker, "strerror", FunctionDescriptor.of(ADDRESS, JAVA_INT))
            .invokeExact(errno);
        return text.reinterpret(1024).getString(0);
    }

    /** tcpdump prints user names with %.32s. */
    private static String first32(String user) {
        return user.length() <= 32 ? user : user.substring(0, 32);
    }
}
