// Command shaper is the poor-network tests' link: a userspace wire between two TUN devices, one
// moved into a participant's network namespace and one left on this machine, that adds delay,
// random loss, a rate limit or a blackout to every packet crossing it, in both directions.
//
// It stands in for `tc netem`, which this project's machines lack (their kernel has no
// sch_netem, and nftables there has no queue verdict): everything else about the path is the
// kernel's own (addresses, routes, UDP and TCP), so the browsers, the app and the media servers
// see a real network.
//
// Usage: shaper <namespace-side device> <host-side device>
// It creates both devices and prints "ready"; the caller moves the first into the namespace and
// gives both addresses. Then, one command per line on standard input, each answered "ok":
//
//	clear                   no shaping
//	loss <percent> <ms>     random loss of that share of packets each way, and that delay each way
//	rate <kbit>             at most that rate each way, queueing up to 300 ms (then dropping)
//	blackout                every packet dropped
//
// It exits when standard input closes, and the devices go with it.
package main

import (
	"bufio"
	"fmt"
	"math/rand/v2"
	"os"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"
	"unsafe"
)

const (
	tunSetIff = 0x400454ca
	iffTun    = 0x0001
	iffNoPi   = 0x1000
	// Like tbf's latency: a packet that would wait longer than this for the rate is dropped.
	rateQueueLimit = 300 * time.Millisecond
	queuePackets   = 8192
)

type shaping struct {
	lossPercent float64
	delay       time.Duration
	kbit        float64
	blackout    bool
}

type link struct {
	mu  sync.Mutex
	cfg shaping
}

func (l *link) get() shaping {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.cfg
}

func (l *link) set(cfg shaping) {
	l.mu.Lock()
	l.cfg = cfg
	l.mu.Unlock()
}

func openTun(name string) (*os.File, error) {
	fd, err := syscall.Open("/dev/net/tun", syscall.O_RDWR|syscall.O_CLOEXEC, 0)
	if err != nil {
		return nil, fmt.Errorf("open /dev/net/tun: %w", err)
	}
	var req struct {
		name  [16]byte
		flags uint16
		_     [22]byte
	}
	copy(req.name[:15], name)
	req.flags = iffTun | iffNoPi
	if _, _, errno := syscall.Syscall(syscall.SYS_IOCTL, uintptr(fd), tunSetIff, uintptr(unsafe.Pointer(&req))); errno != 0 {
		syscall.Close(fd)
		return nil, fmt.Errorf("TUNSETIFF %s: %w", name, errno)
	}
	return os.NewFile(uintptr(fd), name), nil
}

type packet struct {
	at   time.Time
	data []byte
}

// pump carries packets from src to dst as the link's shaping says, in the order they came.
func pump(l *link, src, dst *os.File) {
	queue := make(chan packet, queuePackets)
	go func() {
		for p := range queue {
			if wait := time.Until(p.at); wait > 0 {
				time.Sleep(wait)
			}
			// A device that is gone (the namespace was deleted) ends the program below.
			_, _ = dst.Write(p.data)
		}
	}()
	var next time.Time // when the rate lets the next packet leave
	buf := make([]byte, 65536)
	for {
		n, err := src.Read(buf)
		if err != nil {
			fmt.Fprintf(os.Stderr, "shaper: read %s: %v\n", src.Name(), err)
			os.Exit(1)
		}
		cfg := l.get()
		if cfg.blackout || (cfg.lossPercent > 0 && rand.Float64()*100 < cfg.lossPercent) {
			continue
		}
		now := time.Now()
		depart := now
		if cfg.kbit > 0 {
			if next.Before(now) {
				next = now
			}
			leave := next.Add(time.Duration(float64(n*8) / cfg.kbit * float64(time.Millisecond)))
			if leave.Sub(now) > rateQueueLimit {
				continue
			}
			next = leave
			depart = leave
		}
		p := packet{at: depart.Add(cfg.delay), data: append([]byte(nil), buf[:n]...)}
		select {
		case queue <- p:
		default: // queue full: dropped, as a full router queue would
		}
	}
}

func parse(line string) (shaping, error) {
	fields := strings.Fields(line)
	if len(fields) == 0 {
		return shaping{}, fmt.Errorf("empty command")
	}
	number := func(i int) (float64, error) {
		if i >= len(fields) {
			return 0, fmt.Errorf("%s: missing argument %d", fields[0], i)
		}
		v, err := strconv.ParseFloat(fields[i], 64)
		if err != nil || v < 0 {
			return 0, fmt.Errorf("%s: %q is not a non-negative number", fields[0], fields[i])
		}
		return v, nil
	}
	switch fields[0] {
	case "clear":
		return shaping{}, nil
	case "blackout":
		return shaping{blackout: true}, nil
	case "loss":
		pct, err := number(1)
		if err != nil {
			return shaping{}, err
		}
		ms, err := number(2)
		if err != nil {
			return shaping{}, err
		}
		return shaping{lossPercent: pct, delay: time.Duration(ms * float64(time.Millisecond))}, nil
	case "rate":
		kbit, err := number(1)
		if err != nil {
			return shaping{}, err
		}
		if kbit == 0 {
			return shaping{}, fmt.Errorf("rate: must be above 0")
		}
		return shaping{kbit: kbit}, nil
	}
	return shaping{}, fmt.Errorf("unknown command %q", fields[0])
}

func main() {
	if len(os.Args) != 3 {
		fmt.Fprintln(os.Stderr, "usage: shaper <namespace-side device> <host-side device>")
		os.Exit(2)
	}
	inner, err := openTun(os.Args[1])
	if err != nil {
		fmt.Fprintln(os.Stderr, "shaper:", err)
		os.Exit(1)
	}
	outer, err := openTun(os.Args[2])
	if err != nil {
		fmt.Fprintln(os.Stderr, "shaper:", err)
		os.Exit(1)
	}
	l := &link{}
	go pump(l, inner, outer)
	go pump(l, outer, inner)
	fmt.Println("ready")

	lines := bufio.NewScanner(os.Stdin)
	for lines.Scan() {
		cfg, err := parse(lines.Text())
		if err != nil {
			fmt.Println("error:", err)
			continue
		}
		l.set(cfg)
		fmt.Println("ok")
	}
}
