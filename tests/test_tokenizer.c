/* test_tokenizer.c - unit tests for the HTML tokenizer (placeholder, filled below). */
#include "harness.h"
#include "parse/tokenizer.h"

int
main(void)
{
    (void)harness_current;
    return harness_done();
}
