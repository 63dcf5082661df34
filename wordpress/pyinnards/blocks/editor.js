/**
 * The pyinnards blocks in the block editor: the code in a code field, the element's options in
 * the block's sidebar, and below them the live widget, as readers will get it. Plain JavaScript
 * on WordPress's own globals, so the plugin needs no build of its own. Each block's name,
 * attributes and texts come from its block.json (WordPress hands them to wp.blocks); the option
 * labels and the site's settings come from PHP (window.pyinnardsBlocks, see includes/blocks.php).
 * The server renders the element (the blocks save nothing but their attributes), so what readers
 * get never depends on this file.
 *
 * Engine blocks (those whose block.json has a `bake` attribute) also keep their result baked:
 * after each change the kit's baker (dist/bake.js) computes it with CPython, here in the editor,
 * and stores it in the block, so the server prints it into the element and readers see it with
 * no interpreter download (with its text, which the server prints for readers without
 * JavaScript). While a bake is being computed the post can't be saved (WordPress's
 * post-saving lock, the Save button says so by being disabled for that moment), so a saved post
 * never holds a stale bake. A result that can't be baked (CPython didn't load, the code asks
 * input() without stdin, the bake is too big) is stored without one: the element computes it
 * live for each reader, and the block says why.
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

	/** A bake larger than this (JSON) is not stored: readers compute it live (a trace can be megabytes). */
	var MAX_BAKE_BYTES = 256 * 1024;
	/** The pause after a keystroke before the result is baked again. */
	var BAKE_DELAY_MS = 600;
	var baker;
	var pendingBakes = 0;

	/** The kit's baker, in this window (loaded the first time a block bakes). */
	function loadBaker() {
		baker = baker || import( data.baker );
		return baker;
	}

	/**
	 * Saving waits while any block's bake is being computed (in the post editor: other block
	 * editors, such as the widgets screen, have no post to lock).
	 */
	function postSaving( lock ) {
		var editor = wp.data.dispatch( 'core/editor' );
		if ( editor && editor.lockPostSaving ) {
			editor[ lock ? 'lockPostSaving' : 'unlockPostSaving' ]( 'pyinnards-bake' );
		}
	}
	function bakeStarted() {
		if ( pendingBakes++ === 0 ) {
			postSaving( true );
		}
	}
	function bakeEnded() {
		if ( --pendingBakes === 0 ) {
			postSaving( false );
		}
	}

	/**
	 * Keeps the block's `bake` attribute the result of its code and options as the server renders
	 * them: computed again (after a pause) whenever they change and the stored bake's key no
	 * longer matches. Returns what the block says about it.
	 */
	function useBake( block, props ) {
		var html = previewAttributes( block, props.attributes );
		delete html.readonly;
		delete html.code;
		var code = props.attributes.code || '';
		var signature = JSON.stringify( [ code, html ] );
		var status = wp.element.useState( '' );
		var setAttributes = props.setAttributes;
		var stored = props.attributes.bake;
		var storedText = props.attributes.bakeText;
		wp.element.useEffect( function () {
			var cancelled = false;
			bakeStarted();
			var ended = false;
			var end = function () {
				if ( ! ended ) {
					ended = true;
					bakeEnded();
				}
			};
			// The bake and its text for readers without JavaScript (the code and the result as
			// plain text, which the server prints in a <noscript>), always stored together.
			var store = function ( bake, kit ) {
				// Not an undo step of its own: it follows from the edit that caused it.
				wp.data.dispatch( 'core/block-editor' ).__unstableMarkNextChangeAsNotPersistent();
				setAttributes( { bake: bake, bakeText: bake ? kit.bakedTextBlocks( bake, code, html ) : undefined } );
			};
			var timer = setTimeout( function () {
				status[ 1 ]( __( 'Baking the result for readers…', 'pyinnards' ) );
				var done = __( 'Baked: readers see this result with no interpreter download.', 'pyinnards' );
				var kit;
				loadBaker()
					.then( function ( loaded ) {
						kit = loaded;
						// A stored bake made for this code and these options is kept as it is.
						return kit.bakeKeyFor( block.tag, code, html ).then( function ( key ) {
							return stored && key && stored.key === key ? 'current' : kit.bake( block.tag, code, html );
						} );
					} )
					.then( function ( outcome ) {
						if ( cancelled ) {
							return;
						}
						if ( outcome === 'current' ) {
							// A bake stored before the plugin stored its text gets it now.
							if ( storedText === undefined ) {
								store( stored, kit );
							}
							status[ 1 ]( done );
							return;
						}
						var size = outcome.ok ? bakeSize( outcome.bake ) : 0;
						if ( outcome.ok && size <= MAX_BAKE_BYTES ) {
							store( outcome.bake, kit );
							status[ 1 ]( done );
							return;
						}
						if ( stored !== undefined ) {
							store( undefined, kit );
						}
						var why = outcome.ok
							? /* translators: %d: size in KB. */ __( 'the result is too big to store (%d KB)', 'pyinnards' ).replace( '%d', String( Math.ceil( size / 1024 ) ) )
							: outcome.reason;
						/* translators: %s: why no bake was made. */
						status[ 1 ]( __( 'Not baked, readers compute it live: %s', 'pyinnards' ).replace( '%s', why ) );
					} )
					.catch( function ( error ) {
						if ( ! cancelled ) {
							if ( stored !== undefined ) {
								store( undefined, kit );
							}
							status[ 1 ]( __( 'Not baked, readers compute it live: %s', 'pyinnards' ).replace( '%s', String( error ) ) );
						}
					} )
					.then( end );
			}, BAKE_DELAY_MS );
			return function () {
				cancelled = true;
				clearTimeout( timer );
				end();
			};
			// Only a change of what the result depends on bakes again (not the bake being stored).
			// eslint-disable-next-line react-hooks/exhaustive-deps
		}, [ signature ] );
		return status[ 0 ];
	}

	/** A bake's size as stored (JSON text, in UTF-16 code units: near enough for a limit). */
	function bakeSize( bake ) {
		return JSON.stringify( bake ).length;
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
		var bakes = block.bakes;
		wp.blocks.registerBlockType( 'pyinnards/' + name, {
			edit: function ( props ) {
				var bakeStatus = bakes ? useBake( block, props ) : '';
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
					el( 'div', { className: 'pyinnards-block__preview', ref: preview }, el( block.tag, previewAttributes( block, props.attributes ) ) ),
					bakes && bakeStatus ? el( 'p', { className: 'pyinnards-block__bake', role: 'status' }, bakeStatus ) : null
				);
			},
			save: function () {
				return null;
			},
		} );
	} );
} )( window.wp, window.pyinnardsBlocks );
