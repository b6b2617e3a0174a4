// The page's views, in menu order. A view is a module exporting one component that receives
// {store, state, params, navigate, session}; adding a view is one module and one line here.
// The route #/<id>/<params...> shows the view with that id.

import {ForecastView} from './forecast.js';
import {QueueView} from './queue.js';
import {SkuView} from './sku.js';
import {ResultsView} from './results.js';
import {ReportsView} from './reports.js';
import {PerformanceView} from './performance.js';
import {SchedulesView} from './schedules.js';

export const views = [
  {id: 'forecast', title: 'Forecast', component: ForecastView},
  {id: 'queue', title: 'Queue', component: QueueView},
  {id: 'sku', title: 'SKU', component: SkuView},
  {id: 'results', title: 'Results', component: ResultsView},
  {id: 'reports', title: 'Reports', component: ReportsView},
  {id: 'schedules', title: 'Schedules', component: SchedulesView},
  {id: 'performance', title: 'Performance', component: PerformanceView},
];
