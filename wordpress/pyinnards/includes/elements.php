<?php
/**
 * The elements and the options each one offers: the one description that the blocks (server and
 * editor), the shortcode and the renderer all read, so they can't disagree.
 *
 * @package pyinnards
 */

defined( 'ABSPATH' ) || exit;

/**
 * Options by element short name. Each option is named by its HTML attribute; `type` is
 * boolean (a flag), integer (omitted when empty), string, or select (with `choices`; the first
 * choice is the element's default and is not written out).
 *
 * @return array<string, array{tag: string, title: string, description: string, runs_python: bool, options: array<string, array>}>
 */
function pyinnards_elements() {
	$theme    = array(
		'type'    => 'select',
		'label'   => __( 'Colour scheme', 'pyinnards' ),
		'choices' => array(
			'auto'  => __( 'Follow the reader’s system', 'pyinnards' ),
			'light' => __( 'Light', 'pyinnards' ),
			'dark'  => __( 'Dark', 'pyinnards' ),
		),
	);
	$readonly = array(
		'type'  => 'boolean',
		'label' => __( 'Read-only (readers can’t edit the code)', 'pyinnards' ),
	);
	$engine   = array(
		'type'    => 'select',
		'label'   => __( 'Interpreter', 'pyinnards' ),
		'choices' => array(
			''        => __( 'Site default (Settings › pyinnards)', 'pyinnards' ),
			'pyodide' => __( 'CPython 3.14 (Pyodide)', 'pyinnards' ),
			'skulpt'  => __( 'Skulpt (light, Python 3.7-like subset)', 'pyinnards' ),
		),
	);
	$timeout  = array(
		'type'  => 'integer',
		'label' => __( 'Time limit in seconds (0 for none; default 10)', 'pyinnards' ),
	);
	$stdin    = array(
		'type'  => 'string',
		'label' => __( 'Input for input(), one line per call', 'pyinnards' ),
	);

	return array(
		'tokenizer' => array(
			'tag'         => 'py-tokenizer',
			'title'       => __( 'Python tokens', 'pyinnards' ),
			'description' => __( 'The tokens CPython 3.14’s tokenizer makes of the code, as python -m tokenize lists them.', 'pyinnards' ),
			'runs_python' => false,
			'options'     => array(
				'exact'    => array(
					'type'  => 'boolean',
					'label' => __( 'Exact operator types (tokenize -e)', 'pyinnards' ),
				),
				'theme'    => $theme,
				'readonly' => $readonly,
			),
		),
		'dis'       => array(
			'tag'         => 'py-dis',
			'title'       => __( 'Python bytecode', 'pyinnards' ),
			'description' => __( 'The bytecode CPython 3.14 compiles the code to, as dis.dis prints it.', 'pyinnards' ),
			'runs_python' => true,
			'options'     => array(
				'show-caches'    => array(
					'type'  => 'boolean',
					'label' => __( 'Show inline caches', 'pyinnards' ),
				),
				'show-offsets'   => array(
					'type'  => 'boolean',
					'label' => __( 'Show offsets', 'pyinnards' ),
				),
				'show-positions' => array(
					'type'  => 'boolean',
					'label' => __( 'Show source positions', 'pyinnards' ),
				),
				'adaptive'       => array(
					'type'  => 'integer',
					'label' => __( 'Run this many times first and show specialized instructions', 'pyinnards' ),
				),
				'function'       => array(
					'type'  => 'string',
					'label' => __( 'Only this function or class (qualified name)', 'pyinnards' ),
				),
				'depth'          => array(
					'type'  => 'integer',
					'label' => __( 'Levels of nested code objects', 'pyinnards' ),
				),
				'engine'         => $engine,
				'timeout'        => $timeout,
				'theme'          => $theme,
				'readonly'       => $readonly,
			),
		),
		'frames'    => array(
			'tag'         => 'py-frames',
			'title'       => __( 'Python run, step by step', 'pyinnards' ),
			'description' => __( 'A recorded run to step through: frames, locals, the current line.', 'pyinnards' ),
			'runs_python' => true,
			'options'     => array(
				'granularity' => array(
					'type'    => 'select',
					'label'   => __( 'A step per', 'pyinnards' ),
					'choices' => array(
						'line'        => __( 'Line', 'pyinnards' ),
						'instruction' => __( 'Bytecode instruction', 'pyinnards' ),
					),
				),
				'breakpoints' => array(
					'type'  => 'string',
					'label' => __( 'Breakpoint lines, e.g. 5 9 (Continue stops there)', 'pyinnards' ),
				),
				'max-steps'   => array(
					'type'  => 'integer',
					'label' => __( 'Stop recording after this many steps (default 10000)', 'pyinnards' ),
				),
				'speed'       => array(
					'type'  => 'integer',
					'label' => __( 'Steps per second when playing (default 2)', 'pyinnards' ),
				),
				'engine'   => $engine,
				'stdin'    => $stdin,
				'timeout'  => $timeout,
				'theme'    => $theme,
				'readonly' => $readonly,
			),
		),
		'repl'      => array(
			'tag'         => 'py-repl',
			'title'       => __( 'Python console', 'pyinnards' ),
			'description' => __( 'A Python 3.14 console with >>> prompts.', 'pyinnards' ),
			'runs_python' => true,
			'options'     => array(
				'engine'   => $engine,
				'stdin'    => $stdin,
				'timeout'  => $timeout,
				'theme'    => $theme,
				'readonly' => $readonly,
			),
		),
	);
}

/**
 * A block attribute's name for an HTML attribute (`show-caches` → `showCaches`).
 *
 * @param string $attribute The HTML attribute.
 * @return string
 */
function pyinnards_block_attribute_name( $attribute ) {
	return lcfirst( str_replace( ' ', '', ucwords( str_replace( '-', ' ', $attribute ) ) ) );
}
