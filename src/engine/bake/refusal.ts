/** Why an element can't be baked: the baker says it at the element, and no bake is made. */
export class BakeRefusal extends Error {}
