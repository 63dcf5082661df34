<?php
/**
 * Keeps the blocks' data exact when an author or a contributor saves a post.
 *
 * For a user without the unfiltered_html capability (on a single site: authors and
 * contributors), WordPress runs kses over every string in every block's attributes when the
 * post is saved (since 5.3.1). Code is not HTML: kses turned `return 0 <= n < 10 and n & 1`
 * into `return 0 &lt;= n &lt; 10 and n &amp; 1`, and did the same to a bake's reprs, its text
 * and an input line, so readers were shown code and results that Python never saw.
 *
 * These attributes are data that the plugin prints escaped whoever wrote them (the code in a
 * script child only when it can't end it, else in an escaped attribute; the bake as JSON with
 * `<`, `>` and `&` escaped; the text and the options escaped), so kses has nothing to remove
 * from them. Just before WordPress's kses filter runs on the content, each of them is put aside
 * and replaced by a token kses leaves alone; just after, the tokens are replaced by the values
 * again, and WordPress serializes the blocks as it always does (every `<`, `>`, `&` and `--`
 * escaped inside the block comment), so nothing of them can become markup either.
 *
 * @package pyinnards
 */

defined( 'ABSPATH' ) || exit;

/** The block attributes that hold data, not markup. */
const PYINNARDS_DATA_ATTRIBUTES = array( 'code', 'bake', 'bakeText', 'stdin' );

/**
 * The values put aside while kses runs, by token.
 *
 * @return array<string, mixed>
 */
function &pyinnards_kses_kept() {
	static $kept = array();
	return $kept;
}

/**
 * Replaces, in these parsed blocks and their inner blocks, each data attribute of our blocks
 * by a token (or, with $restore, each token by its value again).
 *
 * @param array $blocks  Parsed blocks.
 * @param bool  $restore Whether to put the values back.
 * @return array
 */
function pyinnards_kses_swap( $blocks, $restore ) {
	$kept = &pyinnards_kses_kept();
	foreach ( $blocks as $i => $block ) {
		if ( 0 === strpos( (string) $block['blockName'], 'pyinnards/' ) && is_array( $block['attrs'] ) ) {
			foreach ( PYINNARDS_DATA_ATTRIBUTES as $name ) {
				if ( ! array_key_exists( $name, $block['attrs'] ) ) {
					continue;
				}
				$value = $block['attrs'][ $name ];
				if ( $restore ) {
					if ( is_string( $value ) && array_key_exists( $value, $kept ) ) {
						$block['attrs'][ $name ] = $kept[ $value ];
					}
				} else {
					// Letters, digits and single dashes only: nothing kses or the serializer changes.
					$token                   = 'pyinnards-kept-' . wp_generate_password( 20, false ) . '-' . count( $kept );
					$kept[ $token ]          = $value;
					$block['attrs'][ $name ] = $token;
				}
			}
		}
		if ( ! empty( $block['innerBlocks'] ) ) {
			$block['innerBlocks'] = pyinnards_kses_swap( $block['innerBlocks'], $restore );
		}
		$blocks[ $i ] = $block;
	}
	return $blocks;
}

/**
 * Whether kses will filter the content being saved (the current user lacks unfiltered_html),
 * and the content has our blocks.
 *
 * @param string $content The post content, slashed.
 * @return bool
 */
function pyinnards_kses_applies( $content ) {
	return false !== has_filter( 'content_save_pre', 'wp_filter_post_kses' ) && false !== strpos( $content, 'wp:pyinnards/' );
}

add_filter(
	'content_save_pre',
	function ( $content ) {
		if ( ! is_string( $content ) || ! pyinnards_kses_applies( $content ) ) {
			return $content;
		}
		return wp_slash( serialize_blocks( pyinnards_kses_swap( parse_blocks( wp_unslash( $content ) ), false ) ) );
	},
	9
);

add_filter(
	'content_save_pre',
	function ( $content ) {
		$kept = &pyinnards_kses_kept();
		if ( ! is_string( $content ) || array() === $kept ) {
			return $content;
		}
		$content = wp_slash( serialize_blocks( pyinnards_kses_swap( parse_blocks( wp_unslash( $content ) ), true ) ) );
		$kept    = array();
		return $content;
	},
	11
);
