/* swar.h - eight bytes at a time in a 64-bit word (SIMD within a register).
 *
 * wn_sw_zero(x) has the high bit set in exactly the bytes of x that are
 * zero (no carries cross bytes, so no false positives): XOR x with a byte
 * repeated (WN_SW_ONES * c) first to find the bytes equal to c.
 */
#ifndef WN_SWAR_H
#define WN_SWAR_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#define WN_SW_ONES 0x0101010101010101ull
#define WN_SW_HIGH 0x8080808080808080ull

static inline uint64_t
wn_sw_zero(uint64_t x)
{
    const uint64_t low7 = WN_SW_HIGH - WN_SW_ONES; /* 0x7f in every byte */
    return ~(((x & low7) + low7) | x | low7);
}

/* Eight bytes from s (any alignment). */
static inline uint64_t
wn_sw_load(const char *s)
{
    uint64_t x;
    memcpy(&x, s, 8);
    return x;
}

/* The r bytes from s (0 < r < 8) as wn_sw_load would give them, with zero
 * bytes after them, reading only s[0..r). Little-endian: two overlapping
 * 4-byte loads or three single bytes, one branch; elsewhere a copy. */
static inline uint64_t
wn_sw_load_partial(const char *s, size_t r)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    if (r >= 4) {
        uint32_t lo, hi;
        memcpy(&lo, s, 4);
        memcpy(&hi, s + r - 4, 4);
        return (uint64_t)lo | ((uint64_t)hi << (8 * (r - 4)));
    }
    const unsigned char *u = (const unsigned char *)s;
    return (uint64_t)u[0] | ((uint64_t)u[r >> 1] << (8 * (r >> 1))) |
           ((uint64_t)u[r - 1] << (8 * (r - 1)));
#else
    uint64_t x = 0;
    memcpy(&x, s, r);
    return x;
#endif
}

/* High bits of the bytes of x that are ' ', '\n' or '\t'. */
static inline uint64_t
wn_sw_blank(uint64_t x)
{
    return wn_sw_zero(x ^ (WN_SW_ONES * ' ')) | wn_sw_zero(x ^ (WN_SW_ONES * '\n')) |
           wn_sw_zero(x ^ (WN_SW_ONES * '\t'));
}

/* High bits of the bytes b of x with lo <= b <= hi (ASCII bounds, 1 <= lo
 * <= hi < 0x80); bytes >= 0x80 never match. */
static inline uint64_t
wn_sw_range(uint64_t x, unsigned char lo, unsigned char hi)
{
    const uint64_t low7 = WN_SW_HIGH - WN_SW_ONES;
    uint64_t ge = (x & low7) + WN_SW_ONES * (uint64_t)(0x80 - lo); /* high bit: b & 0x7f >= lo */
    uint64_t gt = (x & low7) + WN_SW_ONES * (uint64_t)(0x7f - hi); /* high bit: b & 0x7f > hi */
    return ge & ~gt & ~x & WN_SW_HIGH;
}

/* Offset in memory of the first byte whose high bit is set in m (m != 0,
 * a mask of bytes loaded with wn_sw_load). */
static inline unsigned
wn_sw_first(uint64_t m)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
    return (unsigned)__builtin_clzll(m) / 8;
#else
    return (unsigned)__builtin_ctzll(m) / 8;
#endif
}

/* Offset in memory of the last byte whose high bit is set in m (m != 0,
 * a mask of bytes loaded with wn_sw_load). */
static inline unsigned
wn_sw_last(uint64_t m)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
    return 7 - (unsigned)__builtin_ctzll(m) / 8;
#else
    return (63 - (unsigned)__builtin_clzll(m)) / 8;
#endif
}

/* Number of high bits set in m (a result of wn_sw_zero). */
static inline unsigned
wn_sw_count(uint64_t m)
{
    return (unsigned)(((m >> 7) * WN_SW_ONES) >> 56);
}

#endif
