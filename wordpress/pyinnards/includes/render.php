<?php
/**
 * Turns an element, its options and its code into the HTML the kit upgrades.
 *
 * @package pyinnards
 */

defined( 'ABSPATH' ) || exit;

/**
 * An attribute value that survives any text filter run after us: entities for everything HTML
 * or WordPress could read into it. esc_attr() is not used because it leaves existing entities
 * alone, and code may contain `&amp;` that must stay as written.
 *
 * @param string $value The raw value.
 * @return string
 */
function pyinnards_attribute_value( $value ) {
	$escaped = htmlspecialchars( $value, ENT_QUOTES | ENT_SUBSTITUTE | ENT_HTML5, 'UTF-8', true );
	// Newlines, and the brackets do_shortcode() looks for, as character references.
	return strtr(
		$escaped,
		array(
			"\n" => '&#10;',
			'['  => '&#91;',
			']'  => '&#93;',
		)
	);
}

/**
 * Whether the code can go as it is inside `<script type="text/x-python">`: HTML ends a script
 * at `</script`, `<!--` can hide that end, and do_shortcode() (which runs over every post after
 * the blocks are rendered) would expand a registered shortcode written in the code.
 *
 * @param string $code The Python code.
 * @return bool
 */
function pyinnards_fits_in_script( $code ) {
	if ( preg_match( '#</script|<!--#i', $code ) ) {
		return false;
	}
	return ! preg_match( '/' . get_shortcode_regex() . '/', $code );
}

/**
 * The element's HTML attributes for its options, in the order they are defined; values that are
 * empty or the element's own default are left out.
 *
 * @param array $options The element's options (pyinnards_options()).
 * @param array $values  Option values by HTML attribute name.
 * @return string
 */
function pyinnards_option_attributes( $options, $values ) {
	$html = '';
	foreach ( $options as $attribute => $option ) {
		$value = $values[ $attribute ] ?? null;
		switch ( $option['type'] ) {
			case 'boolean':
				if ( true === $value || ( is_string( $value ) && in_array( strtolower( $value ), array( '1', 'true', 'yes', 'on' ), true ) ) ) {
					$html .= ' ' . $attribute;
				}
				break;
			case 'integer':
				if ( is_numeric( $value ) && (int) $value >= 0 ) {
					$html .= ' ' . $attribute . '="' . (int) $value . '"';
				}
				break;
			case 'select':
				// A value the element doesn't know is passed on: the element says what is wrong.
				if ( is_string( $value ) && '' !== $value && array_keys( $option['choices'] )[0] !== $value ) {
					$html .= ' ' . $attribute . '="' . pyinnards_attribute_value( $value ) . '"';
				}
				break;
			default:
				if ( is_string( $value ) && '' !== $value ) {
					$html .= ' ' . $attribute . '="' . pyinnards_attribute_value( $value ) . '"';
				}
		}
	}
	return $html;
}

/**
 * The element with its code, and the kit enqueued for the page.
 *
 * @param string $name        Short name (tokenizer, dis, frames, repl).
 * @param array  $values      Option values by HTML attribute name.
 * @param string $code        The Python code, exactly as written.
 * @param string $extra       More attributes (e.g. the block's class), already escaped.
 * @param bool   $code_inline Put the code in a script child when it fits there.
 * @param string $children    More children (a bake child), already safe.
 * @return string
 */
function pyinnards_render_element( $name, $values, $code, $extra = '', $code_inline = true, $children = '' ) {
	$elements = pyinnards_elements();
	$options  = pyinnards_options( $name );
	if ( null === $options ) {
		/* translators: 1: the unknown name, 2: the names that exist. */
		$message = sprintf( __( 'pyinnards: there is no element “%1$s”; use one of %2$s.', 'pyinnards' ), $name, implode( ', ', array_keys( $elements ) ) );
		return '<p class="pyinnards-error" role="alert">' . esc_html( $message ) . '</p>';
	}
	$attributes = pyinnards_option_attributes( $options, $values );
	if ( $elements[ $name ]['runs_python'] ) {
		// The site's defaults, written on each element: they work with either way of loading the
		// kit, and an element's own choice (above) wins.
		foreach ( pyinnards_element_defaults() as $attribute => $value ) {
			if ( ! preg_match( '/ ' . $attribute . '="/', $attributes ) ) {
				$attributes .= ' ' . $attribute . '="' . pyinnards_attribute_value( $value ) . '"';
			}
		}
	}
	pyinnards_enqueue();

	$code = str_replace( array( "\r\n", "\r" ), "\n", $code );
	$tag  = pyinnards_tag( $name );
	if ( $code_inline && pyinnards_fits_in_script( $code ) ) {
		return '<' . $tag . $extra . $attributes . '><script type="text/x-python">' . "\n" . $code . "\n" . '</script>' . $children . '</' . $tag . '>';
	}
	return '<' . $tag . $extra . $attributes . ' code="' . pyinnards_attribute_value( $code ) . '">' . $children . '</' . $tag . '>';
}

/**
 * The pending elements of the post being filtered, by placeholder.
 *
 * @return array<string, string>
 */
function &pyinnards_held() {
	static $held = array();
	return $held;
}

/**
 * Hands back a placeholder instead of the element, and the element is put back once WordPress's
 * text filters are done: they don't know that a script's content is raw text (wptexturize()
 * reads `a < b & c` as a tag and writes the `&` as `&#038;`; capital_P_dangit() edits words).
 * Those filters run over the_content and, in block themes, once more over the whole rendered
 * template, so on a page view the elements are put back in the page's final output
 * (pyinnards_start_buffer); elsewhere (REST API, feeds) at the end of the_content. A block
 * rendered outside both is returned as it is.
 *
 * @param string $html The element.
 * @return string
 */
function pyinnards_hold( $html ) {
	if ( ! pyinnards_buffering() && ! doing_filter( 'the_content' ) ) {
		return $html;
	}
	$held         = &pyinnards_held();
	$key          = '<!--pyinnards:' . count( $held ) . ':' . md5( $html ) . '-->';
	$held[ $key ] = $html;
	return $key;
}

/**
 * Replaces the placeholders in `$content` with their elements.
 *
 * @param string $content HTML.
 * @return string
 */
function pyinnards_release( $content ) {
	// Kept after use: a page flushed in parts hands its placeholders over chunk by chunk.
	$held = pyinnards_held();
	return empty( $held ) ? $content : strtr( $content, $held );
}

/**
 * Whether this request's page goes through our output buffer.
 *
 * @param bool|null $set Set once, when the buffer starts.
 * @return bool
 */
function pyinnards_buffering( $set = null ) {
	static $buffering = false;
	if ( null !== $set ) {
		$buffering = $set;
	}
	return $buffering;
}

/** On a front-end page view, puts the held elements back into the page's final HTML. */
function pyinnards_start_buffer() {
	if ( is_admin() || wp_doing_ajax() || is_feed() || ( defined( 'REST_REQUEST' ) && REST_REQUEST ) ) {
		return;
	}
	pyinnards_buffering( true );
	ob_start( 'pyinnards_release' );
}
add_action( 'template_redirect', 'pyinnards_start_buffer', PHP_INT_MAX );

/**
 * Without the page buffer (REST API, feeds...), the end of the outermost the_content.
 *
 * @param string $content The filtered content.
 * @return string
 */
function pyinnards_release_content( $content ) {
	global $wp_current_filter;
	if ( pyinnards_buffering() || count( array_keys( $wp_current_filter, 'the_content', true ) ) > 1 ) {
		return $content;
	}
	return pyinnards_release( $content );
}
add_filter( 'the_content', 'pyinnards_release_content', PHP_INT_MAX );
