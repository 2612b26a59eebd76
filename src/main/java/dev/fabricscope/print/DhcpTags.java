package dev.fabricscope.print;

/**
 * The DHCP/BOOTP option names tcpdump 4.99 prints (print-bootp.c's tag table), each led by the character that says
 * how tcpdump prints the option's value: 'i' IPv4 addresses, 'l' unsigned and 'L' signed 32-bit numbers, 's' 16-bit
 * numbers, 'b' dotted decimal bytes, 'p' address pairs, 'a' text, 'B' booleans, '$' an option with its own layout,
 * ' ' for PAD, END and the message type.
 */
final class DhcpTags {
    private DhcpTags() { }

    /** The entry for {@code tag}, or "?Unknown" (tcpdump then chooses the layout from the length). */
    static String entry(int tag) {
        return switch (tag) {
            case 0 -> " PAD";
            case 1 -> "iSubnet-Mask";
            case 2 -> "LTime-Zone";
            case 3 -> "iDefault-Gateway";
            case 4 -> "iTime-Server";
            case 5 -> "iIEN-Name-Server";
            case 6 -> "iDomain-Name-Server";
            case 7 -> "iLOG";
            case 8 -> "iCS";
            case 9 -> "iLPR-Server";
            case 10 -> "iIM";
            case 11 -> "iRL";
            case 12 -> "aHostname";
            case 13 -> "sBS";
            case 14 -> "aDP";
            case 15 -> "aDomain-Name";
            case 16 -> "iSS";
            case 17 -> "aRP";
            case 18 -> "aEP";
            case 19 -> "BIPF";
            case 20 -> "BSRT";
            case 21 -> "pPF";
            case 22 -> "sRSZ";
            case 23 -> "bTTL";
            case 24 -> "lMTU-Timeout";
            case 25 -> "sMTU-Table";
            case 26 -> "sMTU";
            case 27 -> "BLSN";
            case 28 -> "iBR";
            case 29 -> "BMD";
            case 30 -> "BMS";
            case 31 -> "BRouter-Discovery";
            case 32 -> "iRSA";
            case 33 -> "pStatic-Route";
            case 34 -> "BUT";
            case 35 -> "lAT";
            case 36 -> "BIE";
            case 37 -> "bTT";
            case 38 -> "lKI";
            case 39 -> "BKG";
            case 40 -> "aYD";
            case 41 -> "iYS";
            case 42 -> "iNTP";
            case 43 -> "bVendor-Option";
            case 44 -> "iNetbios-Name-Server";
            case 45 -> "iWDD";
            case 46 -> "$Netbios-Node";
            case 47 -> "aNetbios-Scope";
            case 48 -> "iXFS";
            case 49 -> "iXDM";
            case 50 -> "iRequested-IP";
            case 51 -> "lLease-Time";
            case 52 -> "$OO";
            case 53 -> " DHCP-Message";
            case 54 -> "iServer-ID";
            case 55 -> "bParameter-Request";
            case 56 -> "aMSG";
            case 57 -> "sMSZ";
            case 58 -> "lRN";
            case 59 -> "lRB";
            case 60 -> "aVendor-Class";
            case 61 -> "$Client-ID";
            case 64 -> "sN+D";
            case 65 -> "iN+S";
            case 66 -> "aTFTP";
            case 67 -> "aBF";
            case 68 -> "iMH";
            case 69 -> "iSMTP";
            case 70 -> "iPOP3";
            case 71 -> "iNNTP";
            case 72 -> "iWWW";
            case 73 -> "iFG";
            case 74 -> "iIRC";
            case 75 -> "iSTS";
            case 76 -> "iSTDA";
            case 77 -> "$User-Class";
            case 78 -> "bSLP-DA";
            case 79 -> "bSLP-SCOPE";
            case 80 -> "aSLP-NA";
            case 81 -> "$FQDN";
            case 82 -> "$Agent-Information";
            case 83 -> "bARMT";
            case 88 -> "aTZSTR";
            case 89 -> "bFQDNS";
            case 90 -> "bAUTH";
            case 91 -> "LLast-Transaction-Time";
            case 92 -> "iAssociated-IP";
            case 93 -> "sARCH";
            case 94 -> "bNDI";
            case 95 -> "aLDAP";
            case 97 -> "bGUID";
            case 98 -> "aUAP";
            case 100 -> "aPOSIX-TZ";
            case 101 -> "aTZ-Name";
            case 112 -> "iNI";
            case 113 -> "aNITAG";
            case 114 -> "aURL";
            case 116 -> "BNOAUTO";
            case 117 -> "sNSSEARCH";
            case 118 -> "iSUBNET";
            case 121 -> "$Classless-Static-Route";
            case 150 -> "iTFTP-Server-Address";
            case 161 -> "aMUD-URL";
            case 249 -> "$Classless-Static-Route-Microsoft";
            case 255 -> " END";
            default -> "?Unknown";
        };
    }
}
