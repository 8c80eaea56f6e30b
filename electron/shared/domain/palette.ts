/**
 * The charts' default colours: Okabe and Ito's palette, told apart with every common colour-vision
 * deficiency and in greyscale print. One list for the chart model (what the PDF draws) and the
 * chart form (what the user picks from).
 */
export const OKABE_ITO = ['#0072B2', '#E69F00', '#009E73', '#D55E00', '#56B4E9', '#CC79A7', '#F0E442', '#000000'] as const;
