/* test_dom.c - node construction, surgery, attributes and the walk. */
#include "harness.h"
#include "parse/dom.h"

TEST(build_and_walk)
{
    wn_arena a;
    wn_arena_init(&a, NULL, 0);
    wn_dom *d = wn_dom_new(&a);
    wn_node *html = wn_dom_element(d, WN_TAG_HTML, WN_NS_HTML, NULL, 0);
    wn_node *body = wn_dom_element(d, WN_TAG_BODY, WN_NS_HTML, NULL, 0);
    wn_node *p = wn_dom_element(d, WN_TAG_P, WN_NS_HTML, NULL, 0);
    wn_node *t = wn_dom_text(d, "hi", 2);
    wn_node_append(d->root, html);
    wn_node_append(html, body);
    wn_node_append(body, p);
    wn_node_append(p, t);
    wn_node *empty = wn_dom_element(d, WN_TAG_BR, WN_NS_HTML, NULL, 0);
    wn_node_append(body, empty);

    char trace[128] = "";
    wn_walk w;
    wn_walk_init(&w, d->root);
    wn_node *n;
    bool enter;
    while (wn_walk_next(&w, &n, &enter)) {
        strcat(trace, enter ? "+" : "-");
        strcat(trace, n->name);
    }
    CHECK_EQ_STR(trace, "+#document+html+body+p+#text-p+br-br-body-html-#document");

    /* skip children */
    trace[0] = '\0';
    wn_walk_init(&w, d->root);
    while (wn_walk_next(&w, &n, &enter)) {
        strcat(trace, enter ? "+" : "-");
        strcat(trace, n->name);
        if (enter && n == p)
            wn_walk_skip_children(&w);
    }
    CHECK_EQ_STR(trace, "+#document+html+body+p+br-br-body-html-#document");
    wn_arena_free_all(&a);
}

TEST(surgery)
{
    wn_arena a;
    wn_arena_init(&a, NULL, 0);
    wn_dom *d = wn_dom_new(&a);
    wn_node *div = wn_dom_element(d, WN_TAG_DIV, WN_NS_HTML, NULL, 0);
    wn_node *x = wn_dom_text(d, "x", 1);
    wn_node *y = wn_dom_text(d, "y", 1);
    wn_node *z = wn_dom_text(d, "z", 1);
    wn_node_append(div, x);
    wn_node_append(div, z);
    wn_node_insert_before(div, y, z);
    CHECK(div->first_child == x && x->next == y && y->next == z && div->last_child == z);
    CHECK(z->prev == y && y->prev == x);
    wn_node_detach(y);
    CHECK(x->next == z && z->prev == x && y->parent == NULL);
    wn_node_detach(x);
    wn_node_detach(z);
    CHECK(div->first_child == NULL && div->last_child == NULL);

    wn_node *from = wn_dom_element(d, WN_TAG_SPAN, WN_NS_HTML, NULL, 0);
    wn_node_append(from, x);
    wn_node_append(from, y);
    wn_node_append(div, z);
    wn_node_move_children(from, div);
    CHECK(div->first_child == z && z->next == x && x->next == y && div->last_child == y);
    CHECK(x->parent == div && from->first_child == NULL);
    wn_arena_free_all(&a);
}

TEST(text_append_slices_and_copies)
{
    wn_arena a;
    wn_arena_init(&a, NULL, 0);
    wn_dom *d = wn_dom_new(&a);
    const char *input = "abcdef";
    wn_node *t = wn_dom_text(d, input, 2);
    CHECK(wn_text_append(d, t, input + 2, 2)); /* contiguous: no copy */
    CHECK(t->data == input && t->len == 4);
    CHECK(wn_text_append(d, t, "XYZ", 3)); /* copy */
    CHECK(t->data != input);
    CHECK_EQ_MEM(t->data, t->len, "abcdXYZ");
    for (int i = 0; i < 1000; i++)
        CHECK(wn_text_append(d, t, "-", 1));
    CHECK_EQ_INT(t->len, 1007);
    wn_arena_free_all(&a);
}

TEST(attributes)
{
    wn_arena a;
    wn_arena_init(&a, NULL, 0);
    wn_dom *d = wn_dom_new(&a);
    wn_node *img = wn_dom_element(d, WN_TAG_IMG, WN_NS_HTML, NULL, 0);
    wn_attr attrs[2] = {{"src", "a.png", 3, 5, 0}, {"alt", "", 3, 0, 0}};
    img->attrs = attrs;
    img->n_attrs = 2;
    size_t len = 99;
    CHECK_EQ_STR(wn_node_attr(img, "src", &len), "a.png");
    CHECK_EQ_INT(len, 5);
    CHECK(wn_node_has_attr(img, "alt"));
    CHECK(!wn_node_has_attr(img, "title"));
    CHECK(wn_node_is(img, WN_TAG_IMG));
    wn_arena_free_all(&a);
}

TEST(tag_lookup)
{
    CHECK_EQ_INT(wn_tag_lookup("div", 3), WN_TAG_DIV);
    CHECK_EQ_INT(wn_tag_lookup("annotation-xml", 14), WN_TAG_ANNOTATION_XML);
    CHECK_EQ_INT(wn_tag_lookup("DIV", 3), WN_TAG_UNKNOWN); /* lower case only */
    CHECK_EQ_INT(wn_tag_lookup("custom-element", 14), WN_TAG_UNKNOWN);
    CHECK_EQ_INT(wn_tag_lookup("", 0), WN_TAG_UNKNOWN);
    for (int t = 1; t < WN_TAG__COUNT; t++)
        CHECK_EQ_INT(wn_tag_lookup(wn_tag_name((wn_tag)t), wn_tag_name_len((wn_tag)t)), t);
}

/* wn_dom_made: the HTML tags of the elements made, and no other. */
TEST(tags_made)
{
    wn_arena a;
    wn_arena_init(&a, NULL, 0);
    wn_dom *d = wn_dom_new(&a);
    CHECK(!wn_dom_made(d, WN_TAG_MAIN));
    wn_dom_element(d, WN_TAG_MAIN, WN_NS_HTML, NULL, 0);
    wn_dom_element(d, WN_TAG_TITLE, WN_NS_SVG, "title", 5); /* not an HTML element */
    wn_dom_element(d, WN_TAG_UNKNOWN, WN_NS_HTML, "x-card", 6);
    CHECK(wn_dom_made(d, WN_TAG_MAIN));
    CHECK(!wn_dom_made(d, WN_TAG_TITLE));
    CHECK(!wn_dom_made(d, WN_TAG_ARTICLE));
    wn_dom_element(d, (wn_tag)(WN_TAG__COUNT - 1), WN_NS_HTML, NULL, 0);
    CHECK(wn_dom_made(d, (wn_tag)(WN_TAG__COUNT - 1)));
    wn_arena_free_all(&a);
}

int
main(void)
{
    RUN(build_and_walk);
    RUN(tags_made);
    RUN(surgery);
    RUN(text_append_slices_and_copies);
    RUN(attributes);
    RUN(tag_lookup);
    return harness_done();
}
