package main

import (
	"flag"
	"fmt"
)

func main() {
	f := flag.String("f", "", "read packets from a pcap file and set it to `file`")
	i := flag.String("i", "", "read packets from "+"a network interface (default) and set it to `interface`")
	promisc := flag.Bool("pcap-promisc", true, "set network interface to promiscuous mode")
	snaplen := flag.Int("pcap-snaplen", 2048, "set pcap snaplen to `bytes`")
	timeout := flag.Int("pcap-timeout", 0, "set pcap timeout to `milliseconds`")
	maxpkts := flag.Int("pcap-maxpkts", 0, "set maximum packets to "+"capture to `number` (may require pcap-timeout argument)")
	maxtime := flag.Int("pcap-maxtime", 0, "set maximum capturing "+"time to `seconds` (may require pcap-timeout argument)")
	filter := flag.String("pcap-filter", "", "set pcap packet filter to `filter` (e.g.: \"not port 22\")")
	reserved := flag.Bool("show-reserved", false, "show reserved message fields")
	ts := flag.Bool("show-timestamps", true, "show timestamps of messages")
	hex := flag.Bool("show-hex", false, "show hex dumps of messages")
	http := flag.String("http", "", "use http server "+"output and listen on `address` "+"(e.g.: :8000 or 127.0.0.1:8080)")
	json := flag.Bool("json", false, "print one JSON object per message instead of text (fabricscope addition)")
	v := flag.Bool("v", false, "also name the RoCE QP flows that carry each SMC-R link (fabricscope addition)")
	w := flag.String("w", "", "also write the packets that make up the SMC handshakes (SYN, CLC, FIN/RST) to pcap `file` (fabricscope addition)")
	decap := flag.Bool("decap", false, "look inside GRE, VXLAN, Geneve and ERSPAN tunnels (fabricscope addition)")
	vxlanPort := flag.String("vxlan-port", "", "with -decap, also take UDP `ports` (comma-separated) as VXLAN, besides 4789 and 8472 (fabricscope addition)")
	flag.Parse()
	fmt.Printf("f=%q i=%q promisc=%v snaplen=%d timeout=%d maxpkts=%d maxtime=%d filter=%q reserved=%v ts=%v hex=%v http=%q json=%v v=%v w=%q decap=%v vxlanport=%q rest=%q\n",
		*f, *i, *promisc, *snaplen, *timeout, *maxpkts, *maxtime, *filter, *reserved, *ts, *hex, *http, *json, *v, *w, *decap, *vxlanPort, flag.Args())
}
