<?php
/**
 * A block's stored bake (its `bake` attribute: a result computed before the reader came, in the
 * kit's bake format), printed as the element's bake child.
 *
 * Block attributes are written by anyone who may edit a post, contributors included, and kses
 * leaves the bake as written (includes/kses.php). So the server prints a bake only if it has the bake
 * envelope's shape (the element checks the result itself, field by field, and ignores a stale
 * or wrong one), and prints it as JSON with `<`, `>` and `&` escaped, so that nothing in it can
 * end the script element or start markup.
 *
 * @package pyinnards
 */

defined( 'ABSPATH' ) || exit;

/**
 * Whether a stored bake has the envelope's shape for this element.
 *
 * @param mixed  $bake The attribute's value (an array when it was a JSON object).
 * @param string $tag  The element's tag.
 * @return bool
 */
function pyinnards_bake_is_well_formed( $bake, $tag ) {
	if ( ! is_array( $bake ) || pyinnards_is_list( $bake ) ) {
		return false;
	}
	return 'pyinnards-bake' === ( $bake['format'] ?? null )
		&& 1 === ( $bake['version'] ?? null )
		&& $tag === ( $bake['tag'] ?? null )
		&& is_string( $bake['kit'] ?? null )
		&& is_string( $bake['python'] ?? null )
		&& is_string( $bake['key'] ?? null ) && 1 === preg_match( '/^sha256-[0-9a-f]{64}$/D', $bake['key'] )
		&& is_array( $bake['result'] ?? null ) && ! pyinnards_is_list( $bake['result'] );
}

/**
 * Whether an array is a JSON list (PHP 8.1 has array_is_list; the plugin runs on 7.4).
 *
 * @param array $value The array.
 * @return bool
 */
function pyinnards_is_list( $value ) {
	return array() === $value || array_keys( $value ) === range( 0, count( $value ) - 1 );
}

/**
 * The bake child for a stored bake, or '' when there is none or it is not well formed.
 *
 * @param mixed  $bake The block's `bake` attribute.
 * @param string $tag  The element's tag.
 * @return string
 */
function pyinnards_bake_child( $bake, $tag ) {
	if ( null === $bake || ! pyinnards_bake_is_well_formed( $bake, $tag ) ) {
		return '';
	}
	$json = wp_json_encode( $bake, JSON_HEX_TAG | JSON_HEX_AMP | JSON_UNESCAPED_UNICODE );
	return false === $json ? '' : '<script type="application/json" data-pyinnards-baked>' . $json . '</script>';
}

/**
 * The stored bake's text for readers without JavaScript (the block's `bakeText` attribute: the
 * code and the result as plain text, which the editor makes with the kit's baker when it stores
 * the bake), printed as the element's <noscript> child; '' when it is not a list of strings.
 * Each text is escaped (nothing in it can end the <noscript> or start markup), and each <pre>
 * starts with a newline, which HTML drops, so the text's own first line is kept.
 *
 * @param mixed $texts The block's `bakeText` attribute.
 * @return string
 */
function pyinnards_baked_text_child( $texts ) {
	if ( ! is_array( $texts ) || array() === $texts || ! pyinnards_is_list( $texts ) ) {
		return '';
	}
	$blocks = '';
	foreach ( $texts as $text ) {
		if ( ! is_string( $text ) ) {
			return '';
		}
		$blocks .= '<pre>' . "\n" . htmlspecialchars( $text, ENT_NOQUOTES | ENT_SUBSTITUTE, 'UTF-8' ) . '</pre>';
	}
	return '<noscript data-pyinnards-baked-text>' . $blocks . '</noscript>';
}
