// Public surface of resource quantities (k8s.io/apimachinery/pkg/api/resource).
export { Quantity, parseQuantity, tryParseQuantity } from './quantity';
export { QuantityParseError, ERR_FORMAT_WRONG, ERR_NUMERIC, ERR_SUFFIX, type QuantityFormat } from './parse';
export { formatQuantity } from './format';
export { cachedQuantity, milliValue, value, canonicalQuantity, type QuantityInput } from './cache';
