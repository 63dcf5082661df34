<?php
/**
 * The elements, and the words the editor shows for their options.
 *
 * Which options a block has, and their types, are in its blocks/NAME/block.json (the build checks
 * them against the kit's custom-elements.json, so an element attribute can't be left out); this
 * file adds only what a person reads: a label per option and per choice, translated. The blocks
 * (server and editor), the shortcode and the renderer all read pyinnards_options(), so they
 * can't disagree.
 *
 * @package pyinnards
 */

defined( 'ABSPATH' ) || exit;

/**
 * Labels by block attribute, and the elements that start an interpreter.
 *
 * @return array<string, array{runs_python: bool, labels: array<string, string>}>
 */
function pyinnards_elements() {
	$common = array(
		'engine'   => __( 'Interpreter', 'pyinnards' ),
		'stdin'    => __( 'Input for input(), one line per call', 'pyinnards' ),
		'timeout'  => __( 'Time limit in seconds (0 for none; default 10)', 'pyinnards' ),
		'theme'    => __( 'Colour scheme', 'pyinnards' ),
		'readonly' => __( 'Read-only (readers can’t edit the code)', 'pyinnards' ),
	);
	return array(
		'tokenizer' => array(
			'runs_python' => false,
			'labels'      => array(
				'exact'    => __( 'Exact operator types (tokenize -e)', 'pyinnards' ),
				'theme'    => $common['theme'],
				'readonly' => $common['readonly'],
			),
		),
		'ast'       => array(
			'runs_python' => false,
			'labels'      => array(
				'mode'              => __( 'Parse as (ast.parse mode)', 'pyinnards' ),
				'includeAttributes' => __( 'Show positions (lineno, col_offset…)', 'pyinnards' ),
				'showEmpty'         => __( 'Show empty lists', 'pyinnards' ),
				'indent'            => __( 'Indent of the copied ast.dump text (spaces; none: one line)', 'pyinnards' ),
				'depth'             => __( 'Levels of the tree open at first (none: all)', 'pyinnards' ),
				'theme'             => $common['theme'],
				'readonly'          => $common['readonly'],
			),
		),
		'dis'       => array(
			'runs_python' => true,
			'labels'      => array(
				'showCaches'    => __( 'Show inline caches', 'pyinnards' ),
				'showOffsets'   => __( 'Show offsets', 'pyinnards' ),
				'showPositions' => __( 'Show source positions', 'pyinnards' ),
				'adaptive'      => __( 'Run this many times first and show specialized instructions', 'pyinnards' ),
				'function'      => __( 'Only this function or class (qualified name)', 'pyinnards' ),
				'depth'         => __( 'Levels of nested code objects', 'pyinnards' ),
			) + $common,
		),
		'frames'    => array(
			'runs_python' => true,
			'labels'      => array(
				'granularity' => __( 'A step per', 'pyinnards' ),
				'breakpoints' => __( 'Breakpoint lines, e.g. 5 9 (Continue stops there)', 'pyinnards' ),
				'maxSteps'    => __( 'Stop recording after this many steps (default 10000)', 'pyinnards' ),
				'speed'       => __( 'Steps per second when playing (default 2)', 'pyinnards' ),
				'step'        => __( 'Step shown first, counted from 0', 'pyinnards' ),
			) + $common,
		),
		'repl'      => array(
			'runs_python' => true,
			'labels'      => array(
				'session'     => __( 'Session name (consoles with the same name share their variables)', 'pyinnards' ),
				'echoPreload' => __( 'Show the code as typed inputs, with what they print', 'pyinnards' ),
				'noBanner'    => __( 'Leave out the banner (Python’s version)', 'pyinnards' ),
			) + $common,
		),
	);
}

/**
 * Labels for the values of select options (a block attribute with an `enum`). The first value
 * of an enum is the element's default, which is never written out.
 *
 * @return array<string, array<string, string>>
 */
function pyinnards_choice_labels() {
	return array(
		'theme'       => array(
			'auto'  => __( 'Follow the reader’s system', 'pyinnards' ),
			'light' => __( 'Light', 'pyinnards' ),
			'dark'  => __( 'Dark', 'pyinnards' ),
		),
		'engine'      => array(
			''        => __( 'Site default (Settings › pyinnards)', 'pyinnards' ),
			'pyodide' => __( 'CPython 3.14 (Pyodide)', 'pyinnards' ),
			'skulpt'  => __( 'Skulpt (light, Python 3.7-like subset)', 'pyinnards' ),
		),
		'granularity' => array(
			'line'        => __( 'Line', 'pyinnards' ),
			'instruction' => __( 'Bytecode instruction', 'pyinnards' ),
		),
		'mode'        => array(
			'exec'      => __( 'A module (exec)', 'pyinnards' ),
			'eval'      => __( 'One expression (eval)', 'pyinnards' ),
			'single'    => __( 'One interactive statement (single)', 'pyinnards' ),
			'func_type' => __( 'A signature, e.g. (int) -> str (func_type)', 'pyinnards' ),
		),
	);
}

/** The element's tag for a block's short name (`dis` → `py-dis`). */
function pyinnards_tag( $name ) {
	return 'py-' . $name;
}

/**
 * An HTML attribute's name for a block attribute (`showCaches` → `show-caches`).
 *
 * @param string $attribute The block attribute.
 * @return string
 */
function pyinnards_html_attribute( $attribute ) {
	return strtolower( preg_replace( '/[A-Z]/', '-$0', $attribute ) );
}

/**
 * The options of one element, in its block.json's order, by HTML attribute: `attribute` (the
 * block attribute), `type` (boolean, integer, string, or select with `choices`) and `label`.
 *
 * @param string $name Short name (tokenizer, dis...).
 * @return array<string, array>|null Null for a name that is not one of our blocks.
 */
function pyinnards_options( $name ) {
	static $metadata = array();
	$elements        = pyinnards_elements();
	if ( ! isset( $elements[ $name ] ) ) {
		return null;
	}
	// The block.json, not the registered block type: WordPress adds attributes of its own there
	// (className, lock, metadata...), which are not the element's.
	if ( ! isset( $metadata[ $name ] ) ) {
		$metadata[ $name ] = wp_json_file_decode( plugin_dir_path( PYINNARDS_FILE ) . 'blocks/' . $name . '/block.json', array( 'associative' => true ) );
	}
	$choices = pyinnards_choice_labels();
	$options = array();
	foreach ( $metadata[ $name ]['attributes'] as $attribute => $schema ) {
		// The code and a stored bake (with its text) are the element's content, not options.
		if ( in_array( $attribute, array( 'code', 'bake', 'bakeText' ), true ) || ! isset( $schema['type'] ) ) {
			continue;
		}
		$option = array(
			'attribute' => $attribute,
			'type'      => 'number' === $schema['type'] ? 'integer' : $schema['type'],
			'label'     => $elements[ $name ]['labels'][ $attribute ] ?? $attribute,
		);
		if ( isset( $schema['enum'] ) ) {
			$option['type']    = 'select';
			$option['choices'] = array();
			foreach ( $schema['enum'] as $value ) {
				$option['choices'][ $value ] = $choices[ $attribute ][ $value ] ?? $value;
			}
		}
		$options[ pyinnards_html_attribute( $attribute ) ] = $option;
	}
	return $options;
}
