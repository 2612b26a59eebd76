package dev.fabricscope.cli;

import dev.fabricscope.capture.CaptureFormat;
import dev.fabricscope.capture.CaptureInterface;
import dev.fabricscope.capture.CaptureWriters;
import dev.fabricscope.capture.LazySink;
import dev.fabricscope.capture.DltNames;
import dev.fabricscope.capture.LinkType;
import dev.fabricscope.capture.PacketSink;
import dev.fabricscope.capture.PacketSource;
import dev.fabricscope.capture.RotationPolicy;
import dev.fabricscope.capture.TimestampPrecision;
import dev.fabricscope.capture.WriterOptions;
import dev.fabricscope.dissect.Decapsulator;
import dev.fabricscope.libpcap.BpfCompileException;
import dev.fabricscope.libpcap.BpfCompiler;
import dev.fabricscope.libpcap.Devices;
import dev.fabricscope.libpcap.Libpcap;
import dev.fabricscope.libpcap.Privileges;
import dev.fabricscope.libpcap.LiveCapture;
import dev.fabricscope.libpcap.LibpcapException;
import dev.fabricscope.libpcap.LiveSource;
import dev.fabricscope.libpcap.PacketFilter;
import dev.fabricscope.print.PacketJson;
import dev.fabricscope.print.PacketPrinter;
import dev.fabricscope.print.PacketType;
import dev.fabricscope.print.RawDump;
import dev.fabricscope.print.TimestampStyle;
import dev.fabricscope.print.Verbosity;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code fabricscope capture}: tcpdump's capture and file handling. */
@Command(
    name = "capture",
    sortOptions = false,
    usageHelpAutoWidth = true,
    versionProvider = VersionProvider.class,
    header = "Capture packets live or re-filter, split and convert capture files, with tcpdump's flags.",
    synopsisHeading = "%nUsage:%n  ",
    customSynopsis = {
        "fabricscope capture -r FILE | -V LIST [-w FILE [-C MB] [-G SEC] [-W N] [--print] | --json] [--count] [-c N] "
            + "[EXPRESSION]",
        "  fabricscope capture -i IF [-i IF...] [-s LEN] [-p] [-B KiB] [-w FILE ...] [EXPRESSION]",
        "  fabricscope capture -d|-dd|-ddd [-r FILE | -i IF | -y TYPE] [-O] [EXPRESSION]",
        "  fabricscope capture -D",
    },
    descriptionHeading = "%nDescription:%n",
    description = {
        "Reads packets from a capture file (-r: pcap or pcapng, gzip-compressed or not, - for standard input) "
            + "or captures them live on one or more interfaces (-i, through the system libpcap), keeps those "
            + "that match the pcap-filter(7) EXPRESSION, and writes them to a file (-w) or prints one line per "
            + "packet like tcpdump -n (--json: one JSON object per packet, for scripts). -V reads several files "
            + "in turn, as one run of -r each, into the same -w output.",
        "",
        "The expression is compiled by libpcap itself (so it means exactly what it means to tcpdump); on files "
            + "it runs in fabricscope's own BPF interpreter, live it runs in the kernel.",
        "",
        "Rotation: -C starts a new file when the current one already holds more than MB million bytes "
            + "(names: FILE, FILE1, FILE2 ...; with -W N: FILE0 ... FILE<N-1>, reused as a ring). -G starts a new "
            + "file every SEC seconds of packet time, FILE being passed through strftime(3) (e.g. "
            + "-w dump-%%Y%%m%%d-%%H%%M%%S.pcap); with -W N it stops after N files. -C and -G combine: -C numbers "
            + "restart in each -G interval. --align-rotation makes -G files start at multiples of SEC "
            + "(:00, :10 ...) instead of at the first packet's time. No packet is ever lost or duplicated "
            + "across files, and a file is always closed on a whole record.",
        "",
        "Differences from tcpdump: -G uses packet time, not the clock (so it also splits files read with -r); "
            + "several -i options capture on several interfaces into one pcapng file; with several -i, -# and -ttt "
            + "count per interface; past 1,048,576 TCP conversations, relative sequence numbers start over for one "
            + "not seen for a while; -d without -r or -i compiles for Ethernet (EN10MB, or -y's link type) "
            + "instead of opening the default interface, and with -i compiles as for a file of the interface's "
            + "link type (netmask 0: only 'ip broadcast' can differ); -f with -r or -V, --print with -w -, and "
            + "--count with --json are usage errors (exit 2, where tcpdump exits 1 or writes both to standard "
            + "output).",
    },
    parameterListHeading = "%nArguments:%n",
    optionListHeading = "%nOptions:%n",
    footerHeading = "%n",
    footer = {
        "Examples:",
        "  fabricscope capture -r big.pcap -w part -C 1000               split into 1 GB files",
        "  fabricscope capture -r big.pcap.gz -w roce.pcap udp dst port 4791",
        "  fabricscope capture -i eth0 -i eth1 -w lag.pcapng ether proto 0x8809",
        "  fabricscope capture -i eth0 -w ring -C 100 -W 10              a 1 GB ring of 10 files",
        "  fabricscope capture -i eth0 -w 'cap-%%H%%M.pcap' -G 600 --align-rotation",
        "  fabricscope capture -r roce.pcap --json udp | jq -c 'select(.dscp == 26)'",
        "",
        "Statistics: a live capture prints on exit, like tcpdump, how many packets were captured, received "
            + "by the filter and dropped by the kernel. Ctrl-C (SIGINT) or SIGTERM stops cleanly: files are "
            + "flushed and closed.",
        "",
        "Exit status: 0 success; 1 runtime failure (unreadable or damaged input, capture error, disk full, "
            + "a filter on a file whose link type libpcap cannot filter); "
            + "2 usage error (bad option, bad filter expression).",
    })
public final class CaptureCommand implements Callable<Integer> {
    // -V is tcpdump's file list here, so only the long --version (as tcpdump's own)
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    boolean help;

    @Option(names = "--version", versionHelp = true, description = "Print version information and exit.")
    boolean version;

    /** tcpdump's read timeout: how long the kernel may batch packets before handing them over. */
    private static final int READ_TIMEOUT_MS = 1000;

    @Option(names = "-i", paramLabel = "IF",
            description = "Capture live on this interface; repeat for several (see -D). Default: the first "
                + "interface libpcap lists, when -r is not given.")
    List<String> interfaces = new ArrayList<>();

    @Option(names = "-r", paramLabel = "FILE",
            description = "Read packets from FILE (pcap, pcapng, optionally gzip-compressed; - = standard input).")
    String readFile;

    @Option(names = "-V", paramLabel = "LIST",
            description = "Read the capture files named in LIST, one per line (- = standard input), in turn, as tcpdump "
                + "-V: each as with -r (its 'reading from file' line, the filter compiled for its link type, -c "
                + "counted per file), all into the one -w output, which then needs the same link type in every file.")
    String fileList;

    @Option(names = "-w", paramLabel = "FILE",
            description = "Write the packets to FILE (- = standard output) instead of printing them.")
    String writeFile;

    @Option(names = "--print", description = "With -w: print the packets too, as without -w (tcpdump --print).")
    boolean printToo;

    @Option(names = "--count", description = "Print only the number of matching packets, as tcpdump --count: "
        + "'N packets' on standard output once the -r or -V files are read (live, the statistics on exit say it). "
        + "With -w the packets are still written.")
    boolean countOnly;

    @Option(names = "-c", paramLabel = "N", description = "Stop after N packets (after filtering).")
    long count;

    @Option(names = "-s", paramLabel = "LEN",
            description = "Snapshot length for live capture: keep at most LEN bytes of each packet "
                + "(default ${DEFAULT-VALUE}; 0 means the default).", defaultValue = "262144")
    int snaplen;

    @Option(names = "-C", paramLabel = "MB",
            description = "Rotate -w files after MB million bytes (as tcpdump: 1 MB = 1,000,000 bytes).")
    long fileSizeMegabytes;

    @Option(names = "-G", paramLabel = "SEC", description = "Rotate -w files every SEC seconds of packet time.")
    long rotateSeconds;

    @Option(names = "-W", paramLabel = "N",
            description = "With -C: keep a ring of N files. With -G alone: stop after N files.")
    int fileCount;

    @Option(names = "--align-rotation",
            description = "Start -G files at multiples of SEC since the epoch instead of at the first packet.")
    boolean alignRotation;

    @Option(names = "-z", paramLabel = "COMMAND", description = "With -C or -G: run COMMAND FILE for each file once "
        + "it is complete (e.g. -z gzip), in the background; also for the last file, and waited for before exit.")
    String postRotateCommand;

    /** -z's runner while a capture writes; null without -z. */
    private PostRotateCommand postRotate;

    @Option(names = "--format", paramLabel = "pcap|pcapng",
            description = "Output format of -w. Default: the input file's format with -r; pcap for one live "
                + "interface (as tcpdump), pcapng for several.")
    String outputFormat;

    @Option(names = "-Z", paramLabel = "USER",
            description = "When started as root: give root up for USER (its uid and groups) once the interfaces or "
                + "the input file are open, before any file is written (which USER then owns), as tcpdump -Z. "
                + "Without root, ignored.")
    String dropToUser;

    @Option(names = "--decap",
            description = "Print (or write with -w) the packet carried in a GRE, VXLAN (UDP 4789 and 8472, VXLAN-GPE 4790), "
                + "Geneve (UDP 6081) or ERSPAN tunnel instead of the tunnel packet, as if captured inside: "
                + "e.g. a switch's ERSPAN mirror, live. The filter still sees the packet as captured.")
    boolean decap;

    @Mixin
    VxlanPortOption vxlanPort = new VxlanPortOption();   // also when built without picocli (tests)

    @Option(names = "-F", paramLabel = "FILE",
            description = "Read the filter expression from FILE, as tcpdump -F: '#' starts a comment that runs "
                + "to the end of the line; an expression given on the command line is then ignored.")
    String filterFile;

    @Option(names = "--time-stamp-precision", paramLabel = "micro|nano",
            description = "Time stamp precision of written pcap files and of printed times (default micro, as "
                + "tcpdump; nano prints nine digits).")
    String precision;

    @Option(names = "--nano", description = "Same as --time-stamp-precision=nano (as tcpdump).")
    boolean nano;

    @Option(names = "--micro", description = "Same as --time-stamp-precision=micro, the default (as tcpdump).")
    boolean micro;

    @Option(names = "-Q", paramLabel = "in|out|inout", description = "Live: capture only packets received (in), "
        + "sent (out), or both (inout, the default), as tcpdump -Q.")
    String direction;

    @Option(names = "-p", description = "Do not put the interface into promiscuous mode.")
    boolean noPromiscuous;

    @Option(names = {"-I", "--monitor-mode"}, description = "Live: put the (802.11) interface into monitor mode, as "
        + "tcpdump -I; libpcap refuses devices that have none.")
    boolean monitorMode;

    @Option(names = "-B", paramLabel = "KiB", description = "Kernel capture buffer size in KiB (as tcpdump).")
    int bufferKiB;

    @Option(names = "--immediate-mode",
            description = "Deliver packets as soon as they arrive (default when printing to a terminal).")
    boolean immediate;

    @Option(names = "-q", description = "Quiet output: less protocol information per line.")
    boolean quiet;

    @Option(names = "-v", description = "Verbose output: IP header fields, checksums, protocol details (DNS owner "
        + "names, NTP timestamps, HTTP headers, BGP messages, DHCP options, ICMPv6 neighbor-discovery options, IPv6 "
        + "header options, LLDP and CDP TLVs, STP BPDUs, BFD timers ...); -vv also every TCP sequence number, slow-protocols and LLDP TLVs in hex and all DNS "
        + "sections; -vvv also DNS TTLs; -vvvv also raw ForCES messages, 802.15.4 IE contents and IKE data in hex.")
    boolean[] verbose = {};

    @Option(names = "-e", description = "Print the link-level header (MAC addresses, ethertype, VLAN tags; the "
        + "cooked header of -i any captures) on each line, as tcpdump -e.")
    boolean linkHeaders;

    @Option(names = "-t", description = "Time stamps as tcpdump: -t none, -tt seconds since the epoch, -ttt time "
        + "since the previous packet, -tttt date and time, -ttttt time since the first packet.")
    boolean[] timestampFlags = {};

    @Option(names = {"-#", "--number"}, description = "Start each line with the packet's number (among those printed).")
    boolean packetNumbers;

    @Option(names = "-x", description = "Also print each packet's bytes in hex, after its link-level header "
        + "(-xx: the whole packet). With --json: the field packet_hex, all captured bytes.")
    boolean[] hex = {};

    @Option(names = "-X", description = "Also print each packet's bytes in hex and ASCII, after its link-level header "
        + "(-XX: the whole packet).")
    boolean[] hexAscii = {};

    @Option(names = "-T", paramLabel = "TYPE",
        description = "Print UDP payloads as TYPE whatever their ports, as tcpdump -T: snmp, tftp, radius, vxlan, ptp, "
            + "someip, lmp, cnfp (Cisco NetFlow v1/v5/v6), rpc (ONC-RPC calls and replies), rtp, rtcp, vat, wb, "
            + "aodv, domain (also TCP), resp (TCP only) or carp (IP protocol 112 as CARP, not VRRP). TCP and UDP "
            + "payloads are then no longer decoded by port.")
    String packetTypeName;
    /** -T's type, set by {@link #validate} (null: payloads by port). */
    private PacketType packetType;

    @Option(names = "-A", description = "Also print each packet's bytes in ASCII, after its link-level header "
        + "(-AA: the whole packet).")
    boolean[] ascii = {};

    @Option(names = {"-K", "--dont-verify-checksums"}, description = "With -v: do not verify IPv4 header, TCP and "
        + "UDP checksums (no 'bad cksum', 'cksum 0x... (correct)' or '[udp sum ok]'), as tcpdump -K; the checksums "
        + "of other protocols are still verified, as tcpdump's are.")
    boolean dontVerifyChecksums;

    @Option(names = "-b", description = "Print 4-byte BGP AS numbers above 65535 in ASDOT notation (e.g. 65536 as 1.0), "
        + "as tcpdump -b.")
    boolean asdot;

    @Option(names = "-M", paramLabel = "SECRET", description = "Verify TCP-MD5 signature options (RFC 2385, as BGP "
        + "sessions use) with the shared SECRET, as tcpdump -M: 'md5 valid' or 'md5  (invalid)' (a wrong key, or data "
        + "changed on the way); as in tcpdump the pseudo-header holds IPv4's protocol byte and IPv6's payload length, "
        + "so a segment after AH or IPv6 extension headers shows invalid. Without -M: 'can't check' and the digest.")
    String md5Secret;

    @Option(names = "-E", paramLabel = "SECRET", description = "Decrypt IPsec ESP (also ESP in UDP, port 4500) and IKEv2 as "
        + "tcpdump -E, and print what it carries after the ESP line. SECRET is one or more 'spi@ipaddr algo:secret' "
        + "entries apart by commas or newlines: the SA whose SPI (0x hex, 0 octal or decimal) and IPv4 or IPv6 "
        + "destination a packet has is used, else the one entry given without 'spi@ipaddr'. algo is aes128, aes192 "
        + "or aes256 (CBC), 3des or des3 (3DES-CBC), des (DES-CBC), blowfish or bf (Blowfish-CBC), an ECB "
        + "cipher (aes-128-ecb, aes-192-ecb, aes-256-ecb, des-ede3, des-ede, des-ecb, bf-ecb; note that as in tcpdump "
        + "des-ede3-cbc means des-ede3, which is ECB) or an AES stream mode as OpenSSL runs it, with the whole IV "
        + "from the packet (aes-128-ctr, aes-192-cfb, aes-256-ofb, aes-128-gcm without checking the tag, ...); a "
        + "'-cbc' suffix is ignored, and '-hmac96' says the packets end "
        + "in a 12-byte ICV (not verified). There is no default algorithm: tcpdump's manual says des-cbc, but an "
        + "entry without 'algo:' is rejected by tcpdump as here; an algorithm the JDK lacks (e.g. cast128, camellia) "
        + "is rejected with a warning as tcpdump rejects one OpenSSL lacks. secret is 0x and hex digits, or else the text "
        + "itself (up to 256 bytes); a key shorter than the cipher's is padded with zeros. 'file NAME' reads entries "
        + "from NAME, one a line ('#' lines and empty ones skipped), where 'ikev2 I|R 0xSPIi 0xSPIr auth:key "
        + "enc:key' lines (I: messages with the initiator flag; auth sha1 or md5 means a 12-byte ICV) decrypt "
        + "IKEv2's encrypted payloads, printed with -v as the payloads inside. As tcpdump, the secrets are read at the "
        + "first ESP or ISAKMP packet; what is wrong with one is a 'fabricscope: WARNING:' line on standard error and that "
        + "entry is left out; an invalid hex digit (exit 2) or a file that cannot be read (exit 1) ends the run. "
        + "A wrong key usually shows as ' [|esp]' (padding that makes no sense) or as nonsense after the ESP line. "
        + "As tcpdump's manual says: for debugging; a secret on the command line is visible to others (ps).")
    String espSecret;
    /** -E's, parsed once for every printer of the run ({@link #espSecrets()}). */
    private dev.fabricscope.print.EspSecrets.Parsed parsedEspSecrets;

    @Option(names = "-u", description = "Print NFS file handles undecoded, as their 32-bit words in hex "
        + "('fh[1000701:a10b00:...]'), instead of the layout tcpdump guesses for the server (as tcpdump -u).")
    boolean rawNfsHandles;

    @Option(names = "-H", description = "Look for 802.11s mesh control headers after the header of 802.11 QoS data "
        + "frames (as tcpdump -H); with -e their fields are printed.")
    boolean meshHeaders;

    @Option(names = "-S", description = "Print absolute TCP sequence numbers. Without it, as tcpdump, they are "
        + "relative to each conversation's first packet with ACK set (which itself prints absolute ones).")
    boolean absoluteSequence;

    @Option(names = "-l", description = "Flush standard output after each packet (line-buffered, for a pipe).")
    boolean lineBuffered;

    @Option(names = "-U", description = "With -w: write each packet out as soon as it is captured (packet-buffered, "
        + "e.g. -w - | wireshark -k -i -).")
    boolean packetBuffered;

    @Option(names = "--json", description = "Print one JSON object per packet (its header fields) instead of "
        + "tcpdump's line; see the README for the field names.")
    boolean json;

    @Option(names = "-n", description = "Do not resolve addresses (always the case; accepted for tcpdump habits, "
        + "also as -nn).")
    boolean[] numeric = {};

    @Option(names = "-N", description = "Do not print domain names' qualification (nothing is resolved, so nothing "
        + "to shorten; accepted for tcpdump habits, also as -NN).")
    boolean[] noDomains = {};

    @Option(names = "-f", description = "Print 'foreign' IPv4 addresses numerically (all are; accepted for tcpdump "
        + "habits). As in tcpdump, not with -r or -V.")
    boolean foreign;

    @Option(names = "-d", description = "Print the program the filter EXPRESSION compiles to and exit: -d as tcpdump -d "
        + "(readable), -dd as a C array, -ddd as decimal numbers (see the filter command). Compiled for the link type "
        + "of -r's file (or -V's first), of the -i interface, else of -y, else EN10MB (Ethernet), with a warning on "
        + "standard error as tcpdump's.")
    boolean[] dumpProgram = {};

    @Option(names = "-O", description = "Do not run libpcap's filter optimizer.")
    boolean noOptimize;

    @Option(names = "-D", description = "List the interfaces libpcap can capture on, as tcpdump -D, and exit.")
    boolean listInterfaces;

    @Option(names = "-L", description = "List the link types the interface (-i) can capture with, as tcpdump -L "
        + "(on standard error), and exit.")
    boolean listDatalinks;

    @Option(names = "-J", description = "List the time stamp types the interface (-i) offers (host, adapter, "
        + "adapter_unsynced ...: hardware time stamps from the NIC), as tcpdump -J (on standard error), and exit.")
    boolean listTimestampTypes;

    @Option(names = "-j", paramLabel = "TSTAMPTYPE", description = "Live: take time stamps from this source (a name "
        + "-J lists, e.g. adapter_unsynced for the NIC's clock), as tcpdump -j. A type the interface does not offer "
        + "gives tcpdump's warning and the capture goes on with the default.")
    String timestampTypeName;

    @Option(names = "-y", paramLabel = "TYPE", description = "Live: capture with this link type (a name -L lists, "
        + "e.g. LINUX_SLL). Default: the interface's, except LINUX_SLL2 on 'any', as tcpdump.")
    String datalinkName;

    @Parameters(paramLabel = "EXPRESSION", arity = "0..*",
                description = "pcap-filter(7) expression, e.g. 'udp dst port 4791' (words are joined by spaces).")
    List<String> expressionWords = new ArrayList<>();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (listInterfaces) {
            out.print(DeviceList.format(Devices.findAll()));
            out.flush();
            return 0;
        }
        if (listDatalinks) return listDatalinks(err);
        if (listTimestampTypes) return listTimestampTypes(err);
        validate();
        vxlanPort.ports(decap, "--decap");
        ProblemCounter problems = new ProblemCounter(err);
        if (dumpProgram.length > 0) return dumpProgram(problems, out, err);
        if (postRotateCommand != null) postRotate = new PostRotateCommand(postRotateCommand, problems);
        try (StopSignal stop = new StopSignal()) {
            if (readFile != null || fileList != null) fromFiles(problems, stop, out, err);
            else live(expression(), stop, out, err);
        } finally {
            if (postRotate != null) postRotate.close();
        }
        return problems.exitStatus(0);   // after -z's last runs, which may have failed meanwhile
    }

    /** -y's link type, or tcpdump's LINUX_SLL2 on "any" (libpcap's default there is LINUX_SLL); -1: the device's. */
    private int datalink(String device) {
        if (datalinkName == null) return device.equals("any") ? LinkType.LINUX_SLL2 : -1;
        int dlt;
        try {
            dlt = Libpcap.load().datalinkByName(datalinkName);
        } catch (Libpcap.UnavailableException e) {
            throw UserError.runtime(e.getMessage());
        }
        if (dlt < 0) throw UserError.usage("invalid data link type " + datalinkName);
        return dlt;
    }

    /** -j's time stamp type, or the device's default. */
    private int timestampType() {
        if (timestampTypeName == null) return LiveCapture.Settings.DEFAULT_TIMESTAMP_TYPE;
        int type;
        try {
            type = Libpcap.load().timestampTypeByName(timestampTypeName);
        } catch (Libpcap.UnavailableException e) {
            throw UserError.runtime(e.getMessage());
        }
        if (type < 0) throw UserError.usage("invalid time stamp type " + timestampTypeName);
        return type;
    }

    /** tcpdump -J: the device's time stamp types on stderr, each with its description. */
    private int listTimestampTypes(PrintWriter err) {
        if (readFile != null) throw UserError.usage("-J lists an interface's time stamp types: give -i, not -r");
        String device = interfaces.isEmpty() ? defaultDevice() : interfaces.getFirst();
        try {
            int[] types = LiveCapture.timestampTypes(device);
            Libpcap lib = Libpcap.load();
            if (types.length == 0) {
                err.println("Time stamp type cannot be set for " + device);
            } else {
                err.println("Time stamp types for " + device + " (use option -j to set):");
                for (int type : types) {
                    String name = lib.timestampTypeName(type);
                    err.println(name == null ? "  " + type : "  " + name + " (" + lib.timestampTypeDescription(type) + ")");
                }
            }
        } catch (Libpcap.UnavailableException | LibpcapException e) {
            throw UserError.runtime(e.getMessage());
        }
        err.flush();
        return 0;
    }

    /** tcpdump -L: the device's link types on stderr, each with its description. */
    private int listDatalinks(PrintWriter err) {
        if (readFile != null) throw UserError.usage("-L lists an interface's link types: give -i, not -r");
        String device = interfaces.isEmpty() ? defaultDevice() : interfaces.getFirst();
        try (LiveCapture capture = LiveCapture.open(device, new LiveCapture.Settings(snaplen == 0
                ? BpfCompiler.DEFAULT_SNAPLEN : snaplen, !noPromiscuous, READ_TIMEOUT_MS, false, 0, false,
                LiveCapture.Settings.DEFAULT_TIMESTAMP_TYPE, monitorMode))) {   // -I: the types in monitor mode
            Libpcap lib = Libpcap.load();
            err.println(datalinksHeading(device, capture.supportsMonitorMode(), monitorMode));
            for (int dlt : capture.datalinks()) {
                String name = lib.datalinkName(dlt);
                if (name == null) {
                    err.println("  DLT " + dlt + " (printing not supported)");
                } else {
                    err.println("  " + name + " (" + lib.datalinkDescription(dlt) + ")"
                        + (PacketPrinter.prints(dlt) ? "" : " (printing not supported)"));
                }
            }
        } catch (Libpcap.UnavailableException | LibpcapException e) {
            throw UserError.runtime(e.getMessage());
        }
        err.flush();
        return 0;
    }

    /**
     * tcpdump -L's first line: on a device that has a monitor mode it says which mode the list is for (-I or not),
     * since the link types differ between the two.
     */
    static String datalinksHeading(String device, boolean supportsMonitorMode, boolean monitorMode) {
        return "Data link types for " + device + (!supportsMonitorMode ? ""
            : monitorMode ? " when in monitor mode" : " when not in monitor mode") + " (use option -y to set):";
    }

    private void validate() {
        if (readFile != null && !interfaces.isEmpty()) throw UserError.usage("give either -r or -i, not both");
        if (fileList != null && readFile != null) throw UserError.usage("-V and -r are mutually exclusive");
        if (fileList != null && !interfaces.isEmpty()) throw UserError.usage("give either -V or -i, not both");
        if (foreign && (readFile != null || fileList != null)) {
            throw UserError.usage("-f can not be used with -V or -r");   // tcpdump's words
        }
        if (printToo && "-".equals(writeFile)) {
            throw UserError.usage("--print with -w -: the packets and their lines would both go to standard output");
        }
        if (countOnly && json) throw UserError.usage("--count prints only the count; it cannot be combined with --json");
        if (count < 0) throw UserError.usage("invalid packet count " + count);
        if (snaplen < 0) throw UserError.usage("invalid snapshot length " + snaplen);
        if (snaplen == 0) snaplen = BpfCompiler.DEFAULT_SNAPLEN;
        if (direction != null && (readFile != null || fileList != null)) {
            throw UserError.usage("-Q applies to live capture (-i), not to -r or -V");
        }
        if (timestampTypeName != null && (readFile != null || fileList != null)) {
            throw UserError.usage("-j applies to live capture (-i), not to -r or -V");
        }
        if (direction != null && !List.of("in", "out", "inout").contains(direction)) {
            throw UserError.usage("invalid -Q direction '" + direction + "' (in, out or inout)");
        }
        if (postRotateCommand != null && fileSizeMegabytes == 0 && rotateSeconds == 0) {
            throw UserError.usage("-z runs after each rotation: it needs -C or -G");
        }
        if ((fileSizeMegabytes != 0 || rotateSeconds != 0 || fileCount != 0 || alignRotation) && writeFile == null) {
            throw UserError.usage("-C, -G, -W and --align-rotation need -w");
        }
        if (writeFile != null && writeFile.equals("-") && (fileSizeMegabytes != 0 || rotateSeconds != 0)) {
            throw UserError.usage("cannot rotate standard output (-w - with -C/-G)");
        }
        if (outputFormat != null && !outputFormat.equals("pcap") && !outputFormat.equals("pcapng")) {
            throw UserError.usage("invalid --format '" + outputFormat + "' (pcap or pcapng)");
        }
        if (filterFile != null && (filterFile.equals("pcap") || filterFile.equals("pcapng"))
                && !Files.exists(Path.of(filterFile))) {
            throw UserError.usage("-F reads the filter expression from a file, as tcpdump's -F; the output format "
                + "is --format " + filterFile);
        }
        if (nano && micro) throw UserError.usage("--nano contradicts --micro");
        if (nano || micro) {
            String flag = nano ? "nano" : "micro";
            if (precision != null && !precision.equals(flag)) {
                throw UserError.usage("--" + flag + " contradicts --time-stamp-precision=" + precision);
            }
            precision = flag;
        }
        if (precision != null && !precision.equals("micro") && !precision.equals("nano")) {
            throw UserError.usage("invalid time stamp precision '" + precision + "' (micro or nano)");
        }
        if (json && writeFile != null) throw UserError.usage("--json prints packets; it cannot be combined with -w");
        if (json && (quiet || verbose.length > 0 || linkHeaders || timestampFlags.length > 0 || packetNumbers
                || hexAscii.length > 0 || ascii.length > 0)) {
            throw UserError.usage("--json cannot be combined with -q, -v, -e, -t, -#, -X or -A (-x adds packet_hex)");
        }
        packetType = parsePacketType();
        if (timestampFlags.length > 5) throw UserError.usage("only -t, -tt, -ttt, -tttt and -ttttt are supported");
    }

    /** -T's type (null without -T); an unknown name is a usage error, in tcpdump's words. */
    private PacketType parsePacketType() {
        if (packetTypeName == null) return null;
        PacketType type = PacketType.named(packetTypeName);
        if (type != null) return type;
        throw UserError.usage("unknown packet type `" + packetTypeName + "'");
    }

    /** -Z: after the input is open, before any output file (as tcpdump). */
    private void dropPrivileges() {
        if (dropToUser == null) return;
        try {
            Privileges.dropTo(dropToUser);
        } catch (Privileges.Failure | Libpcap.UnavailableException e) {
            throw UserError.runtime(e.getMessage());
        }
    }

    /** The filter: from -F's file (read when tcpdump reads it: after a file's header line), else the words. */
    private String expression() {
        return (filterFile != null ? FilterFile.read(filterFile) : String.join(" ", expressionWords)).strip();
    }

    /**
     * -r's file, or -V's files in turn (as tcpdump: each announced, its filter compiled for its link type, -c counted
     * per file; one -w output, one printer, so -# and -ttt go on across files), then --count's line.
     */
    private void fromFiles(ProblemCounter problems, StopSignal stop, PrintWriter out, PrintWriter err)
            throws IOException {
        List<String> files = fileList == null ? List.of(readFile) : FileList.read(fileList);
        CaptureLoop.Lines lines = printsLines() ? lines(false) : null;
        PacketSink sink = null;
        int sinkLinkType = -1;
        long matched = 0;
        boolean privilegesDropped = false;
        try {
            for (String file : files) {
                if (stop.stopped()) break;
                if (file.isEmpty()) throw UserError.runtime(fileList + ": an empty line names no file");
                try (PacketSource source = Inputs.open(file, problems)) {
                    List<CaptureInterface> known = source.interfaces();
                    CaptureInterface first = known.isEmpty() ? null : known.getFirst();
                    announce(err, file, source);
                    if (!privilegesDropped) {
                        dropPrivileges();
                        privilegesDropped = true;
                    }
                    int linkType = Inputs.firstLinkType(source);
                    PacketFilter filter = compile(expression(), linkType, file);
                    if (writeFile != null && sink == null) {
                        sink = openSink(outputFormat(source.format(), 1), first);
                        sinkLinkType = linkType;
                    } else if (sink != null && first != null && linkType != sinkLinkType) {
                        throw UserError.runtime(file + ": new dlt does not match original");   // tcpdump's words
                    }
                    Progress progress = lines != null ? Progress.whenStdoutIsAFile(err, source)
                        : Progress.forTerminal(err, source);
                    CaptureLoop loop = new CaptureLoop(source, filter, sink, lines, out,
                        lineBuffered, packetBuffered, count, null, stop, progress);
                    try {
                        loop.run();
                    } catch (IOException e) {
                        throw UserError.runtime(e.getMessage());
                    } finally {
                        if (progress != null) progress.finish();
                        out.flush();
                    }
                    matched += loop.matched();
                }
            }
        } catch (RuntimeException | IOException e) {
            closeQuietly(sink);
            throw e;
        }
        finish(sink);
        if (countOnly) {
            out.println(matched + (matched == 1 ? " packet" : " packets"));
            out.flush();
        }
    }

    /** Packet lines: without -w unless --count (which only counts), with -w only with --print (as tcpdump's). */
    private boolean printsLines() {
        return writeFile == null ? !countOnly : printToo;
    }

    /** tcpdump's line on standard error for each file it opens. */
    private static void announce(PrintWriter err, String file, PacketSource source) {
        List<CaptureInterface> known = source.interfaces();
        if (known.isEmpty()) return;
        CaptureInterface first = known.getFirst();
        err.println("reading from file " + file + ", link-type "
            + DltNames.tcpdumpText(DltNames.fromLinkType(first.linkType())) + ", snapshot length " + first.libpcapSnapLen());
    }

    /**
     * -d, -dd, -ddd: the filter's program, as tcpdump prints it, for -r's (or -V's first) file's link type, the -i
     * interface's, -y's, else Ethernet with tcpdump's warning.
     */
    private int dumpProgram(ProblemCounter problems, PrintWriter out, PrintWriter err) throws IOException {
        int linkType;
        int snap;
        String file = null;
        if (readFile != null || fileList != null) {
            file = readFile != null ? readFile : FileList.read(fileList).getFirst();
            try (PacketSource source = Inputs.open(file, problems)) {
                announce(err, file, source);
                FilterCommand.DumpTarget target = FilterCommand.DumpTarget.of(source, file);
                linkType = target.linkType();
                snap = target.snapLen();
            }
        } else if (!interfaces.isEmpty()) {
            String device = interfaces.getFirst();
            int asked = datalink(device);
            linkType = asked >= 0 ? asked : deviceDatalink(device);
            snap = snaplen;
        } else {
            int asked = datalinkName == null ? -1 : datalink("");
            if (asked < 0) err.println("Warning: assuming Ethernet");
            linkType = asked >= 0 ? asked : LinkType.EN10MB;
            snap = snaplen;
        }
        err.flush();
        out.print(FilterCommand.program(expression(), linkType, file, snap, !noOptimize, dumpProgram.length));
        out.flush();
        return problems.exitStatus(0);
    }

    /** The link type the device captures with by default (tcpdump -d -i opens it to learn that). */
    private int deviceDatalink(String device) {
        try (LiveCapture capture = LiveCapture.open(device, new LiveCapture.Settings(snaplen, !noPromiscuous,
                READ_TIMEOUT_MS, false, 0, false, LiveCapture.Settings.DEFAULT_TIMESTAMP_TYPE, monitorMode))) {
            return capture.datalink();
        } catch (Libpcap.UnavailableException | LibpcapException e) {
            throw UserError.runtime(e.getMessage());
        }
    }

    private void live(String expression, StopSignal stop, PrintWriter out, PrintWriter err) throws IOException {
        List<String> devices = interfaces.isEmpty() ? List.of(defaultDevice()) : interfaces;
        List<LiveCapture> captures = new ArrayList<>();
        try {
            List<CaptureInterface> ifaces = new ArrayList<>();
            for (String device : devices) {
                LiveCapture capture = LiveHandles.open(device, new LiveCapture.Settings(snaplen, !noPromiscuous,
                    READ_TIMEOUT_MS, immediateMode(), bufferKiB * 1024, "nano".equals(precision), timestampType(),
                    monitorMode),
                    datalink(device), expression, err);
                captures.add(capture);
                if (direction != null) {
                    try {
                        capture.setDirection(LiveCapture.Direction.valueOf(direction.toUpperCase(java.util.Locale.ROOT)));
                    } catch (LibpcapException e) {
                        throw UserError.runtime(e.getMessage());
                    }
                }
                ifaces.add(new CaptureInterface(device, "", capture.datalink(), snaplen, 1000));
            }
            err.flush();
            dropPrivileges();
            for (LiveCapture capture : captures) stop.onStop(capture::breakLoop);
            CaptureFormat format = outputFormat(CaptureFormat.LIVE, devices.size());
            PacketSink sink = openSink(format, ifaces.getFirst());
            PacketSink shared = sink == null || captures.size() == 1 ? sink : new SynchronizedSink(sink);
            AtomicLong sharedCount = captures.size() > 1 ? new AtomicLong() : null;
            List<CaptureLoop> loops = new ArrayList<>();
            for (int i = 0; i < captures.size(); i++) {
                LiveSource source = new LiveSource(captures.get(i), i, ifaces, immediateMode() ? 0 : READ_TIMEOUT_MS);
                // each loop needs its own renderer (it reuses buffers), all share the output
                loops.add(new CaptureLoop(source, null, shared, printsLines() ? lines(captures.size() > 1) : null, out,
                    true, packetBuffered, count, sharedCount, stop, null));
            }
            try {
                runLive(loops, shared, stop);
            } finally {
                out.flush();
                printStats(loops, captures, err);
            }
        } finally {
            captures.forEach(LiveCapture::close);
        }
    }

    private void runLive(List<CaptureLoop> loops, PacketSink sink, StopSignal stop) throws IOException {
        if (loops.size() == 1) {
            runAndClose(loops.getFirst(), sink);
            return;
        }
        List<Thread> threads = new ArrayList<>();
        List<Exception> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        for (CaptureLoop loop : loops) {
            threads.add(Thread.ofPlatform().name("capture").start(() -> {
                try {
                    loop.run();
                } catch (IOException | RuntimeException e) {
                    failures.add(e);
                    stop.stop();
                }
            }));
        }
        try {
            for (Thread t : threads) t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop.stop();
        } finally {
            if (sink != null) sink.close();
        }
        reportFileLimit(sink);
        if (!failures.isEmpty()) rethrow(failures.getFirst());
    }

    /** tcpdump's words when -G with -W has written its last file. */
    private void reportFileLimit(PacketSink sink) {
        if (sink != null && sink.limitReached()) {
            spec.commandLine().getErr().println("Maximum file limit reached: " + fileCount);
        }
    }

    private static void rethrow(Exception e) throws IOException {
        if (e instanceof IOException io) throw io;
        throw (RuntimeException) e;
    }

    /** Runs the loop and closes the sink whatever happens, so files end on whole records. */
    private void runAndClose(CaptureLoop loop, PacketSink sink) throws IOException {
        try {
            loop.run();
        } catch (IOException e) {
            closeQuietly(sink);
            throw UserError.runtime(e.getMessage());
        }
        finish(sink);
    }

    /** After the last loop: tcpdump's words if -W's limit stopped it, then the sink closed. */
    private void finish(PacketSink sink) {
        reportFileLimit(sink);
        if (sink != null) {
            try {
                sink.close();
            } catch (IOException e) {
                throw UserError.runtime(e.getMessage());
            }
        }
    }

    private static void closeQuietly(PacketSink sink) {
        if (sink == null) return;
        try {
            sink.close();
        } catch (IOException ignored) {
            // the first failure is the one reported
        }
    }

    private void printStats(List<CaptureLoop> loops, List<LiveCapture> captures, PrintWriter err) {
        long captured = 0;
        for (CaptureLoop loop : loops) captured += loop.matched();
        LiveHandles.printStats(captured, captures, err);
    }

    /** Immediate when asked, and when printing (a person is watching), as tcpdump on a terminal. */
    private boolean immediateMode() {
        return immediate || writeFile == null;
    }

    private static String defaultDevice() {
        try {
            List<Devices.Device> all = Devices.findAll();
            if (all.isEmpty()) throw UserError.runtime("no interfaces to capture on (see capture -D; are you root?)");
            return all.getFirst().name();
        } catch (Libpcap.UnavailableException e) {
            throw UserError.runtime(e.getMessage());
        }
    }

    /** @param input the file whose link type this is, or null (live) */
    private PacketFilter compile(String expression, int linkType, String input) {
        try {
            return PacketFilter.compile(expression, linkType, BpfCompiler.DEFAULT_SNAPLEN, !noOptimize,
                message -> spec.commandLine().getErr().println("fabricscope: " + message));
        } catch (BpfCompileException e) {
            throw UserError.ofFilter(e, input);
        } catch (Libpcap.UnavailableException e) {
            throw UserError.runtime("a filter expression needs libpcap: " + e.getMessage());
        }
    }

    private CaptureFormat outputFormat(CaptureFormat input, int liveInterfaces) {
        if (outputFormat != null) return outputFormat.equals("pcapng") ? CaptureFormat.PCAPNG : CaptureFormat.PCAP;
        return switch (input) {
            case PCAP -> CaptureFormat.PCAP;
            case PCAPNG -> CaptureFormat.PCAPNG;
            case LIVE -> liveInterfaces > 1 ? CaptureFormat.PCAPNG : CaptureFormat.PCAP;
        };
    }

    /** The -w sink (rotating when asked), opened on the first packet when no interface is known yet. */
    private PacketSink openSink(CaptureFormat format, CaptureInterface first) throws IOException {
        if (writeFile == null) return null;
        RotationPolicy policy;
        try {
            policy = new RotationPolicy(fileSizeMegabytes == 0 ? 0 : RotationPolicy.bytesFromMegabytes(fileSizeMegabytes),
                rotateSeconds, fileCount, alignRotation);
        } catch (IllegalArgumentException e) {
            throw UserError.usage(e.getMessage());
        }
        TimestampPrecision tsPrecision = "nano".equals(precision) ? TimestampPrecision.NANO : TimestampPrecision.MICRO;
        LazySink.Opener opener = iface -> {
            CaptureInterface i = iface != null ? iface
                : new CaptureInterface("", "", LinkType.EN10MB, BpfCompiler.DEFAULT_SNAPLEN, 1000);
            WriterOptions options = format == CaptureFormat.PCAP
                ? WriterOptions.of(format, WriterOptions.tcpdumpSnapLen(i.snapLen()), i, tsPrecision)
                : WriterOptions.of(format, i.snapLen(), i, tsPrecision);
            try {
                return CaptureWriters.open(writeFile, options, policy, postRotate == null ? name -> { } : postRotate);
            } catch (IOException e) {
                throw UserError.runtime(e.getMessage());
            }
        };
        PacketSink sink = first != null ? opener.open(first) : new LazySink(opener, null);
        return decap ? new DecapsulatingSink(sink, vxlanPort.decapsulator(true)) : sink;
    }

    /** Text lines (tcpdump's, with the interface name first when there are several), or JSON objects. */
    private CaptureLoop.Lines lines(boolean prefixInterface) {
        if (json) {
            PacketJson packetJson = new PacketJson(hex.length > 0);
            Decapsulator decapsulator = vxlanPort.decapsulator(decap);
            return (p, l, iface, line) -> packetJson.format(decapsulator == null ? p : decapsulator.inner(p, l), l,
                iface.name(), line);
        }
        Verbosity verbosity = Verbosity.of(quiet, verbose.length);
        Set<PacketPrinter.Option> options = EnumSet.noneOf(PacketPrinter.Option.class);
        if (linkHeaders) options.add(PacketPrinter.Option.LINK_HEADERS);
        if (packetNumbers) options.add(PacketPrinter.Option.PACKET_NUMBERS);
        if ("nano".equals(precision)) options.add(PacketPrinter.Option.NANOSECONDS);
        if (!absoluteSequence) options.add(PacketPrinter.Option.RELATIVE_SEQUENCE_NUMBERS);
        if (dontVerifyChecksums) options.add(PacketPrinter.Option.DONT_VERIFY_CHECKSUMS);
        if (asdot) options.add(PacketPrinter.Option.BGP_ASDOT);
        if (rawNfsHandles) options.add(PacketPrinter.Option.NFS_RAW_HANDLES);
        if (meshHeaders) options.add(PacketPrinter.Option.MESH_HEADERS);
        PacketPrinter printer = new PacketPrinter(ZoneId.systemDefault(), verbosity, options,
            TimestampStyle.ofTFlags(timestampFlags.length), RawDump.ofFlags(hex.length, hexAscii.length, ascii.length),
            packetType, md5Secret == null ? null : argumentBytes(md5Secret), espSecrets());
        Decapsulator decapsulator = vxlanPort.decapsulator(decap);   // one per loop, as the printer
        return (p, l, iface, line) -> {
            if (prefixInterface) line.append(iface.name()).append(' ');
            try {
                printer.format(decapsulator == null ? p : decapsulator.inner(p, l), l, line);
            } catch (dev.fabricscope.print.EspSecrets.BadSecretException e) {
                throw new UserError(e.exitStatus(), e.getMessage());   // as tcpdump, at the first ESP packet
            }
        };
    }

    /**
     * -E's secrets, parsed once for the run's printers (one per interface: their warnings once, as tcpdump's); null
     * without -E.
     */
    private dev.fabricscope.print.EspSecrets.Parsed espSecrets() {
        if (espSecret != null && parsedEspSecrets == null) {
            parsedEspSecrets = new dev.fabricscope.print.EspSecrets.Parsed(espSecret, warning -> {
                java.io.PrintWriter err = spec.commandLine().getErr();
                err.println("fabricscope: WARNING: " + warning);
                err.flush();
            });
        }
        return parsedEspSecrets;
    }

    /** The bytes a command-line argument had (tcpdump hashes -M's as given): encoded back as the JVM decoded it. */
    static byte[] argumentBytes(String argument) {
        String encoding = System.getProperty("sun.jnu.encoding", System.getProperty("native.encoding"));
        return argument.getBytes(encoding == null ? java.nio.charset.Charset.defaultCharset()
            : java.nio.charset.Charset.forName(encoding, java.nio.charset.Charset.defaultCharset()));
    }
}
