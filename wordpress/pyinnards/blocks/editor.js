/**
 * The pyinnards blocks in the block editor: the code in a code field, the element's options in
 * the block's sidebar, and below them the live widget, as readers will get it. Plain JavaScript
 * on WordPress's own globals, so the plugin needs no build of its own. Each block's name,
 * attributes and texts come from its block.json (WordPress hands them to wp.blocks); the option
 * labels and the site's settings come from PHP (window.pyinnardsBlocks, see includes/blocks.php).
 * The server renders the element (the blocks save nothing but their attributes), so what readers
 * get never depends on this file.
 */
( function ( wp, data ) {
	'use strict';
	var el = wp.element.createElement;
	var __ = wp.i18n.__;
	var blockEditor = wp.blockEditor;
	var components = wp.components;

	/**
	 * Loads the kit into the document the block is drawn in. From WordPress 6.3 the editor's canvas
	 * can be an iframe (always for apiVersion 3 blocks on 6.9): custom elements are defined per
	 * window, so the iframe needs its own module tag, which WordPress does not add for a view
	 * module. Once per document.
	 */
	function loadKit( doc ) {
		if ( ! doc || doc.querySelector( 'script[data-pyinnards-kit]' ) ) {
			return;
		}
		var script = doc.createElement( 'script' );
		script.type = 'module';
		script.src = data.kit;
		script.setAttribute( 'data-pyinnards-kit', '' );
		doc.head.appendChild( script );
	}

	/** The sidebar control for one option. */
	function control( option, props ) {
		var value = props.attributes[ option.attribute ];
		var set = function ( next ) {
			var change = {};
			change[ option.attribute ] = next;
			props.setAttributes( change );
		};
		switch ( option.type ) {
			case 'boolean':
				return el( components.ToggleControl, { key: option.attribute, label: option.label, checked: !! value, onChange: set } );
			case 'select':
				return el( components.SelectControl, {
					key: option.attribute,
					label: option.label,
					value: value || Object.keys( option.choices )[ 0 ],
					options: Object.keys( option.choices ).map( function ( choice ) {
						return { value: choice, label: option.choices[ choice ] };
					} ),
					onChange: set,
				} );
			case 'integer':
				return el( components.TextControl, {
					key: option.attribute,
					label: option.label,
					type: 'number',
					min: 0,
					value: value === undefined || value === null ? '' : String( value ),
					onChange: function ( next ) {
						set( next === '' ? undefined : Math.max( 0, parseInt( next, 10 ) || 0 ) );
					},
				} );
			default:
				return el( components.TextControl, { key: option.attribute, label: option.label, value: value || '', onChange: set } );
		}
	}

	/**
	 * The element's HTML attributes for the preview, as the server writes them (render.php): a
	 * flag only when on, a number only when set, a choice only when not the element's default,
	 * and the site's defaults for elements that run Python. The preview is read-only: the code
	 * is edited in the code field above it.
	 */
	function previewAttributes( block, attributes ) {
		var html = { code: attributes.code || '', readonly: '' };
		block.options.forEach( function ( option ) {
			var value = attributes[ option.attribute ];
			if ( option.type === 'boolean' ) {
				if ( value === true ) {
					html[ option.name ] = '';
				}
			} else if ( option.type === 'integer' ) {
				if ( typeof value === 'number' && value >= 0 ) {
					html[ option.name ] = String( Math.floor( value ) );
				}
			} else if ( option.type === 'select' ) {
				if ( value && value !== Object.keys( option.choices )[ 0 ] ) {
					html[ option.name ] = value;
				}
			} else if ( value ) {
				html[ option.name ] = value;
			}
		} );
		if ( block.runsPython ) {
			Object.keys( data.settings ).forEach( function ( name ) {
				if ( ! ( name in html ) ) {
					html[ name ] = data.settings[ name ];
				}
			} );
		}
		return html;
	}

	Object.keys( data.blocks ).forEach( function ( name ) {
		var block = data.blocks[ name ];
		wp.blocks.registerBlockType( 'pyinnards/' + name, {
			edit: function ( props ) {
				var blockProps = blockEditor.useBlockProps( { className: 'pyinnards-block' } );
				var preview = wp.element.useCallback( function ( node ) {
					if ( node ) {
						loadKit( node.ownerDocument );
					}
				}, [] );
				return el(
					'div',
					blockProps,
					el( blockEditor.InspectorControls, null, el( components.PanelBody, { title: __( 'Options', 'pyinnards' ) }, block.options.map( function ( option ) {
						return control( option, props );
					} ) ) ),
					el( 'div', { className: 'pyinnards-block__label' }, '<' + block.tag + '>' ),
					el( blockEditor.PlainText, {
						className: 'pyinnards-block__code',
						value: props.attributes.code,
						placeholder: __( 'Python code', 'pyinnards' ),
						'aria-label': __( 'Python code', 'pyinnards' ),
						onChange: function ( code ) {
							props.setAttributes( { code: code } );
						},
					} ),
					el( 'div', { className: 'pyinnards-block__preview', ref: preview }, el( block.tag, previewAttributes( block, props.attributes ) ) )
				);
			},
			save: function () {
				return null;
			},
		} );
	} );
} )( window.wp, window.pyinnardsBlocks );
